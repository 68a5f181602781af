using Reqnroll.Tracing;
using Xunit;

namespace ProbeHarness.Gherkin.Runtime;

/// <summary>
/// Sends Reqnroll's trace (steps, durations, binding skeletons) to the running test's output, so it shows with that
/// test's result; outside a test (test run hooks) it becomes an xunit diagnostic message.
/// </summary>
internal sealed class TestOutputTraceListener : ITraceListener
{
    /// <summary>Writes a line of scenario output.</summary>
    public void WriteTestOutput(string message) => Write(message);

    /// <summary>Writes a line of Reqnroll's own output, marked as Reqnroll marks it.</summary>
    public void WriteToolOutput(string message) => Write("-> " + message);

    private static void Write(string message)
    {
        var context = TestContext.Current;
        if (context.TestOutputHelper is { } output)
        {
            try
            {
                output.WriteLine(message);
                return;
            }
            catch (InvalidOperationException)
            {
                // The test has already finished (late output from a hook); fall back to a diagnostic message.
            }
        }

        context.SendDiagnosticMessage(message);
    }
}
