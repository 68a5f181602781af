using ProbeHarness.Gherkin.Runtime;

namespace ProbeHarness.Gherkin.Tests.Runtime;

public sealed class TestOutputTraceListenerTests
{
    [Fact]
    public void Reqnroll_output_goes_to_the_running_tests_output()
    {
        // Given
        var listener = new TestOutputTraceListener();
        var output = TestContext.Current.TestOutputHelper!;

        // When
        listener.WriteTestOutput("Given a cluster");
        listener.WriteToolOutput("done: ClusterSteps.GivenACluster() (0.1s)");

        // Then
        Assert.Contains("Given a cluster" + Environment.NewLine, output.Output, StringComparison.Ordinal);
        Assert.Contains("-> done: ClusterSteps.GivenACluster() (0.1s)", output.Output, StringComparison.Ordinal);
    }
}
