using System.Globalization;
using System.Text.RegularExpressions;
using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps that inject faults through the target app's fault API, into one pod or every pod; probe endpoint faults may start "after n s" and last "for n s".</summary>
[Binding]
public sealed class FaultSteps(FaultDriver faults, ScenarioCluster cluster)
{
    // One group that always takes part (Reqnroll passes only groups that matched): " after 5 s for 10 s", or empty.
    private const string Schedule = @"((?: after \d+(?:\.\d+)? s)?(?: for \d+(?:\.\d+)? s)?)$";

    /// <summary>When the liveness endpoint of pod 1 starts failing with status 500 [after 5 s] [for 10 s].</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of (pod \d+|every pod) starts failing with status (\d+)" + Schedule)]
    public Task WhenFailing(ProbeKind kind, PodSelection pods, int status, string schedule) =>
        Inject(pods, FaultRequest.Fail(kind, status), schedule);

    /// <summary>When the liveness endpoint of pod 1 starts hanging (never answers).</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of (pod \d+|every pod) starts hanging" + Schedule)]
    public Task WhenHanging(ProbeKind kind, PodSelection pods, string schedule) =>
        Inject(pods, FaultRequest.Hang(kind), schedule);

    /// <summary>When the liveness endpoint of pod 1 starts answering after 1500 ms.</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of (pod \d+|every pod) starts answering after (\d+) ms" + Schedule)]
    public Task WhenSlow(ProbeKind kind, PodSelection pods, int delayMs, string schedule) =>
        Inject(pods, FaultRequest.Slow(kind, delayMs), schedule);

    /// <summary>When the liveness endpoint of pod 1 fails every 2nd probe with status 500 (the others pass).</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of (pod \d+|every pod) fails every (\d+)(?:st|nd|rd|th) probe with status (\d+)" + Schedule)]
    public Task WhenFlapping(ProbeKind kind, PodSelection pods, int every, int status, string schedule) =>
        Inject(pods, FaultRequest.Flap(kind, every, status), schedule);

    /// <summary>When the liveness endpoint of pod 1 redirects to "/readyz".</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of (pod \d+|every pod) redirects to ""([^""]+)""" + Schedule)]
    public Task WhenRedirecting(ProbeKind kind, PodSelection pods, string location, string schedule) =>
        Inject(pods, FaultRequest.Redirect(kind, location), schedule);

    /// <summary>When the readiness endpoint of pod 1 recovers.</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of (pod \d+|every pod) recovers$")]
    public Task WhenRecovering(ProbeKind kind, PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Recover(kind), cluster.Aborted);

    /// <summary>When the TCP port of pod 1 closes.</summary>
    [When(@"^the TCP port of (pod \d+|every pod) closes$")]
    public Task WhenTcpCloses(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Tcp(open: false), cluster.Aborted);

    /// <summary>When the TCP port of pod 1 reopens.</summary>
    [When(@"^the TCP port of (pod \d+|every pod) reopens$")]
    public Task WhenTcpReopens(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Tcp(open: true), cluster.Aborted);

    /// <summary>When the dependency becomes unavailable for every pod (e.g. the database is down).</summary>
    [When(@"^the dependency becomes unavailable for (pod \d+|every pod)$")]
    public Task WhenDependencyLost(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Dependency(available: false), cluster.Aborted);

    /// <summary>When the dependency becomes available again for every pod.</summary>
    [When(@"^the dependency becomes available again for (pod \d+|every pod)$")]
    public Task WhenDependencyBack(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Dependency(available: true), cluster.Aborted);

    /// <summary>When pod 1 crashes with exit code 3.</summary>
    [When(@"^(pod \d+|every pod) crashes with exit code (\d+)$")]
    public Task WhenCrashing(PodSelection pods, int exitCode) => faults.InjectAsync(pods, FaultRequest.Crash(exitCode), cluster.Aborted);

    /// <summary>When the app of pod 1 is killed (the probe fault proxy sends SIGKILL to the user's app).</summary>
    [When(@"^the app of (pod \d+|every pod) is killed$")]
    public Task WhenKilled(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Kill(), cluster.Aborted);

    /// <summary>When the app of pod 1 freezes (SIGSTOP through the probe fault proxy: forwarded HTTP and gRPC probes hang).</summary>
    [When(@"^the app of (pod \d+|every pod) freezes$")]
    public Task WhenFrozen(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Freeze(frozen: true), cluster.Aborted);

    /// <summary>When the app of pod 1 thaws (SIGCONT).</summary>
    [When(@"^the app of (pod \d+|every pod) thaws$")]
    public Task WhenThawed(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.Freeze(frozen: false), cluster.Aborted);

    /// <summary>When pod 1 leaks 300 MB of memory.</summary>
    [When(@"^(pod \d+|every pod) leaks (\d+) MB of memory$")]
    public Task WhenLeaking(PodSelection pods, int megabytes) => faults.InjectAsync(pods, FaultRequest.Leak(megabytes), cluster.Aborted);

    /// <summary>When all faults of every pod are cleared.</summary>
    [When(@"^all faults of (pod \d+|every pod) are cleared$")]
    public Task WhenCleared(PodSelection pods) => faults.InjectAsync(pods, FaultRequest.ClearAll(), cluster.Aborted);

    private Task Inject(PodSelection pods, FaultRequest fault, string schedule) =>
        faults.InjectAsync(pods, fault.Scheduled(Seconds(schedule, "after"), Seconds(schedule, "for")), cluster.Aborted);

    private static double? Seconds(string schedule, string word) =>
        Regex.Match(schedule, $@"\b{word} (\d+(?:\.\d+)?) s") is { Success: true } match
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
}
