namespace ProbeHarness.Steps.Support;

/// <summary>Output of the test run outside any scenario (backend choice and start-up): the console and xunit's diagnostic messages.</summary>
internal static class RunOutput
{
    /// <summary>Writes one line, prefixed with the backend's label.</summary>
    public static void Write(string message)
    {
        var line = message.StartsWith("Backend:", StringComparison.Ordinal) || message.StartsWith(TestRun.Label, StringComparison.Ordinal)
            ? message
            : $"{TestRun.Label} {message}";
        Console.Out.WriteLine(line);
        ProgressFile.Append(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
