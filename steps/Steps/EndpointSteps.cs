using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps about the Service's EndpointSlices.</summary>
[Binding]
public sealed class EndpointSteps(EndpointDriver endpoints, ScenarioCluster cluster)
{
    /// <summary>Then the endpoint of pod 1 has ready=false, serving=false, terminating=false within the readiness detection bound.</summary>
    [Then(@"^the endpoint of pod (\d+) has ((?:ready|serving|terminating)=(?:true|false)(?:,? (?:and )?(?:ready|serving|terminating)=(?:true|false))*) within (.+)$")]
    public Task ThenHasWithin(int ordinal, EndpointConditions conditions, Within within) =>
        endpoints.HasAsync(ordinal, conditions, within, cluster.Aborted);

    /// <summary>Then the endpoint of pod 2 keeps ready=true for 10 s.</summary>
    [Then(@"^the endpoint of pod (\d+) keeps ((?:ready|serving|terminating)=(?:true|false)(?:,? (?:and )?(?:ready|serving|terminating)=(?:true|false))*) for (\d+) s$")]
    public Task ThenKeeps(int ordinal, EndpointConditions conditions, int seconds) =>
        endpoints.KeepsAsync(ordinal, conditions, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 1 and its endpoint stay Ready through a restart within 30 s.</summary>
    [Then(@"^pod (\d+) and its endpoint stay Ready through a restart within (\d+) s$")]
    public Task ThenStayReadyThroughRestart(int ordinal, int seconds) =>
        endpoints.StaysReadyThroughRestartAsync(ordinal, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 1 and its endpoint stay Ready through a restart of container "worker" within 30 s.</summary>
    [Then(@"^pod (\d+) and its endpoint stay Ready through a restart of container ""([a-z0-9][-a-z0-9]*)"" within (\d+) s$")]
    public Task ThenStayReadyThroughRestartOf(int ordinal, string container, int seconds) =>
        endpoints.StaysReadyThroughRestartAsync(ordinal, TimeSpan.FromSeconds(seconds), cluster.Aborted, container);

    /// <summary>Then pod 1 is listed in the EndpointSlice within 10 s.</summary>
    [Then(@"^pod (\d+) is listed in the EndpointSlice within (\d+) s$")]
    public Task ThenListed(int ordinal, int seconds) => endpoints.ListedAsync(ordinal, listed: true, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 1 is not listed in the EndpointSlice within 10 s.</summary>
    [Then(@"^pod (\d+) is not listed in the EndpointSlice within (\d+) s$")]
    public Task ThenNotListed(int ordinal, int seconds) => endpoints.ListedAsync(ordinal, listed: false, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 1 stays listed in the EndpointSlice for 10 s.</summary>
    [Then(@"^pod (\d+) stays listed in the EndpointSlice for (\d+) s$")]
    public Task ThenStaysListed(int ordinal, int seconds) => endpoints.StaysListedAsync(ordinal, TimeSpan.FromSeconds(seconds), cluster.Aborted);
}
