using ProbeHarness.Gherkin.Execution;
using Reqnroll;

namespace ProbeHarness.Gherkin.Tests.Bindings;

/// <summary>Steps of Features/Failing/Timeout.feature: a wait that honours the scenario's deadline, as the suite's waits do.</summary>
[Binding]
public sealed class DeadlineSteps(ScenarioDeadline deadline)
{
    [When(@"^I wait (\d+) s for something that never happens$")]
    public async Task WhenWaitingForNothing(int seconds) => await Task.Delay(TimeSpan.FromSeconds(seconds), deadline.Token);
}
