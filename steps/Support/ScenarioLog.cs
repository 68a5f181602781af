namespace ProbeHarness.Steps.Support;

/// <summary>The scenario's live output: each line carries the backend's label and the scenario time, and goes to the test output and to xunit's diagnostic messages (shown live).</summary>
public sealed class ScenarioLog(ScenarioClock clock)
{
    /// <summary>Writes one line, e.g. <c>[emulated] +12.3 s waiting for restart of pod 1, 12 s of 35 s</c>.</summary>
    public void Write(string message)
    {
        var line = $"{TestRun.Label} +{clock.Elapsed.TotalSeconds,5:0.0} s  {message}";
        var context = TestContext.Current;
        try
        {
            context.TestOutputHelper?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished (late output while tearing down); the diagnostic message below still carries it.
        }

        var test = context.Test?.TestDisplayName;
        var tagged = test is null ? line : $"{line}   ({test})";
        context.SendDiagnosticMessage(tagged);
        ProgressFile.Append(tagged);
    }
}
