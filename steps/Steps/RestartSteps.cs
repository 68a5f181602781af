using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps about container restarts, kills and how runs ended.</summary>
[Binding]
public sealed class RestartSteps(RestartDriver restarts, ScenarioCluster cluster)
{
    /// <summary>Then pod 1 is restarted within the liveness detection bound (or the startup bound, or 30 s).</summary>
    [Then(@"^(pod \d+|every pod) is restarted within (.+)$")]
    public Task ThenRestartedWithin(PodSelection pods, Within within) => restarts.RestartedWithinAsync(pods, within, cluster.Aborted);

    /// <summary>Then pod 1 is restarted between 2 and 5 s after the fault.</summary>
    [Then(@"^(pod \d+|every pod) is restarted between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) s after the fault$")]
    public Task ThenRestartedBetween(PodSelection pods, double min, double max) =>
        restarts.RestartedWithinAsync(pods, Within.Between(min, max), cluster.Aborted);

    /// <summary>Then pod 1 is restarted at least 3 times within 90 s.</summary>
    [Then(@"^(pod \d+|every pod) is restarted at least (\d+) times? within (\d+) s$")]
    public Task ThenRestartedAtLeast(PodSelection pods, int times, int seconds) =>
        restarts.RestartedAtLeastAsync(pods, times, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 2 is not restarted for 10 s (nor killed, nor exited).</summary>
    [Then(@"^(pod \d+|every pod) is not restarted for (\d+) s$")]
    public Task ThenNotRestarted(PodSelection pods, int seconds) => restarts.NotRestartedForAsync(pods, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 1 is not restarted for the liveness window (as long as the probe settings need to rule out a kill after the pod's last fault, no longer).</summary>
    [Then(@"^(pod \d+|every pod) is not restarted for the liveness window$")]
    public Task ThenNotRestartedForLivenessWindow(PodSelection pods) => restarts.NotRestartedForLivenessWindowAsync(pods, cluster.Aborted);

    /// <summary>Then no pod is restarted for 20 s.</summary>
    [Then(@"^no pod is restarted for (\d+) s$")]
    public Task ThenNoPodRestarted(int seconds) => restarts.NotRestartedForAsync(PodSelection.Every, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then the restart count of pod 1 is 1.</summary>
    [Then(@"^the restart count of pod (\d+) is (\d+)$")]
    public Task ThenRestartCount(int ordinal, int count) => restarts.RestartCountAsync(ordinal, count, CountBound.Exactly, cluster.Aborted);

    /// <summary>Then the restart count of pod 1 is at least 2.</summary>
    [Then(@"^the restart count of pod (\d+) is at least (\d+)$")]
    public Task ThenRestartCountAtLeast(int ordinal, int count) => restarts.RestartCountAsync(ordinal, count, CountBound.AtLeast, cluster.Aborted);

    /// <summary>Then the restart count of pod 1 is at most 1.</summary>
    [Then(@"^the restart count of pod (\d+) is at most (\d+)$")]
    public Task ThenRestartCountAtMost(int ordinal, int count) => restarts.RestartCountAsync(ordinal, count, CountBound.AtMost, cluster.Aborted);

    /// <summary>Then the restart count of pod 1 never decreases for 30 s.</summary>
    [Then(@"^the restart count of pod (\d+) never decreases for (\d+) s$")]
    public Task ThenRestartCountNeverDecreases(int ordinal, int seconds) =>
        restarts.RestartCountNeverDecreasesAsync(ordinal, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then the last termination of pod 1 has reason "Error" and exit code 143.</summary>
    [Then(@"^the last termination of pod (\d+) has reason ""([^""]+)"" and exit code (\d+)$")]
    public Task ThenLastTermination(int ordinal, string reason, int exitCode) => restarts.LastTerminationAsync(ordinal, reason, exitCode, cluster.Aborted);

    /// <summary>Then the last termination of pod 1 has exit code 137.</summary>
    [Then(@"^the last termination of pod (\d+) has exit code (\d+)$")]
    public Task ThenLastExitCode(int ordinal, int exitCode) => restarts.LastTerminationAsync(ordinal, null, exitCode, cluster.Aborted);

    /// <summary>Then pod 1 is killed within the liveness detection bound.</summary>
    [Then(@"^pod (\d+) is killed within (.+)$")]
    public Task ThenKilledWithin(int ordinal, Within within) => restarts.KilledWithinAsync(ordinal, within, cluster.Aborted);

    /// <summary>Then pod 1 is killed between 2 and 4 s after the fault.</summary>
    [Then(@"^pod (\d+) is killed between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) s after the fault$")]
    public Task ThenKilledBetween(int ordinal, double min, double max) =>
        restarts.KilledWithinAsync(ordinal, Within.Between(min, max), cluster.Aborted);

    /// <summary>Then the container of pod 1 exits between 4 and 7 s after it is killed.</summary>
    [Then(@"^the container of pod (\d+) exits between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) s after it is killed$")]
    public Task ThenExitsAfterKill(int ordinal, double min, double max) => restarts.ExitedAfterKillAsync(ordinal, min, max, cluster.Aborted);

    /// <summary>Then the container of pod 1 is waiting with reason "CrashLoopBackOff" within 60 s.</summary>
    [Then(@"^the container of pod (\d+) is waiting with reason ""([^""]+)"" within (\d+) s$")]
    public Task ThenWaiting(int ordinal, string reason, int seconds) => restarts.WaitingAsync(ordinal, reason, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then the restart delays of pod 1 grow with the crash-loop back-off for 2 delayed restarts (10 s, 20 s, …).</summary>
    [Then(@"^the restart delays of pod (\d+) grow with the crash-loop back-off over (\d+) delayed restarts$")]
    public Task ThenBackOffGrows(int ordinal, int delayed) => restarts.BackOffGrowsAsync(ordinal, delayed, cluster.Aborted);

}
