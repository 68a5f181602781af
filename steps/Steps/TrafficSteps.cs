using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps that send requests through the Service as a client would and judge the answers.</summary>
[Binding]
public sealed class TrafficSteps(TrafficDriver traffic, ScenarioCluster cluster)
{
    /// <summary>When 40 requests are sent through the Service over 8 s (waits for every answer).</summary>
    [When(@"^(\d+) requests are sent through the Service over (\d+) s$")]
    public Task WhenBatch(int count, int seconds) => traffic.SendAsync(count, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>When requests are sent through the Service every 200 ms (in the background, until the traffic is judged).</summary>
    [When(@"^requests are sent through the Service every (\d+) ms$")]
    public Task WhenContinuous(int milliseconds) => traffic.StartContinuousAsync(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>When pod 1 answers requests (its app answers GET / directly; waits up to 60 s).</summary>
    [When(@"^pod (\d+) answers requests$")]
    public Task WhenPodAnswers(int ordinal) => traffic.PodAnswersAsync(ordinal, TimeSpan.FromSeconds(60), cluster.Aborted);

    /// <summary>Then no request through the Service failed.</summary>
    [Then(@"^no request through the Service failed$")]
    public Task ThenNoneFailed() => traffic.FailedAsync(0, 0, null);

    /// <summary>Then at least 1 request through the Service failed.</summary>
    [Then(@"^at least (\d+) requests? through the Service failed$")]
    public Task ThenSomeFailed(int count) => traffic.FailedAsync(count, null, null);

    /// <summary>Then at most 10 % of the requests through the Service failed.</summary>
    [Then(@"^at most (\d+) ?% of the requests through the Service failed$")]
    public Task ThenShareFailed(int percent) => traffic.FailedAsync(0, null, percent);

    /// <summary>Then every request through the Service was answered by pod 2.</summary>
    [Then(@"^every request through the Service was answered by pod (\d+)$")]
    public Task ThenAnsweredBy(int ordinal) => traffic.AllAnsweredByAsync(ordinal);

    /// <summary>Then the requests through the Service were answered by at least 2 pods.</summary>
    [Then(@"^the requests through the Service were answered by at least (\d+) pods$")]
    public Task ThenAnsweredByPods(int pods) => traffic.AnsweredByAtLeastAsync(pods);
}
