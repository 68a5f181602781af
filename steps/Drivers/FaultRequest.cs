using System.Globalization;
using System.Text.Json.Nodes;

namespace ProbeHarness.Steps.Drivers;

/// <summary>One fault as a typed value (what it changes, how, when), the target app's fault API call that makes it (see target-app/README.md), and how the report names it.</summary>
/// <param name="Target">What the fault changes.</param>
/// <param name="Mode">How.</param>
/// <param name="Description">e.g. <c>liveness fail (500)</c>.</param>
public sealed record FaultRequest(FaultTarget Target, FaultMode Mode, string Description)
{
    /// <summary>The answered status (fail, flap, redirect), or null for the app's default.</summary>
    public int? Status { get; init; }

    /// <summary>For <see cref="FaultMode.Slow"/>: how long each answer takes.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>For <see cref="FaultMode.Flap"/>: the n-th answers fail.</summary>
    public int Every { get; init; } = 1;

    /// <summary>For <see cref="FaultMode.Redirect"/>: the Location header.</summary>
    public string? Location { get; init; }

    /// <summary>For <see cref="FaultMode.Crash"/>: the exit code.</summary>
    public int ExitCode { get; init; }

    /// <summary>For <see cref="FaultMode.Crash"/>: true when the probe fault proxy kills the user's app (SIGKILL, exit 137) instead of the target app exiting with <see cref="ExitCode"/>.</summary>
    public bool Killed { get; init; }

    /// <summary>For <see cref="FaultMode.Leak"/>: how many megabytes.</summary>
    public int Megabytes { get; init; }

    /// <summary>Seconds after the request until the fault is active (0 unless scheduled).</summary>
    public double ActiveAfterSeconds { get; init; }

    /// <summary>How long the fault lasts once active, or null when it lasts until changed.</summary>
    public double? ActiveForSeconds { get; init; }

    /// <summary>The probe whose endpoint it changes, or null for TCP, dependency, crash, freeze, leak and clearing.</summary>
    public ProbeKind? Probe => ProbeOf(Target);

    /// <summary>The probe whose endpoint <paramref name="target"/> is, or null.</summary>
    public static ProbeKind? ProbeOf(FaultTarget target) => target switch
    {
        FaultTarget.LivenessEndpoint => ProbeKind.Liveness,
        FaultTarget.ReadinessEndpoint => ProbeKind.Readiness,
        FaultTarget.StartupEndpoint => ProbeKind.Startup,
        _ => null,
    };

    /// <summary>True when the app exits on it (crash), so a lost answer is expected and no retry is made.</summary>
    public bool EndsProcess => Mode == FaultMode.Crash;

    /// <summary>True when only the probe fault proxy can make it (kill, freeze); the target app's own fault API has no such call.</summary>
    public bool NeedsProxy => Killed || Target == FaultTarget.Execution;

    /// <summary>True when it needs the target app itself (its dependency, memory, chosen exit code), which the probe fault proxy cannot reach.</summary>
    public bool NeedsTargetApp => Target is FaultTarget.Dependency or FaultTarget.Memory || (Target == FaultTarget.Process && !Killed);

    /// <summary>True when it ends a fault (a probe endpoint recovers, the port reopens, the dependency returns, the app thaws, all cleared).</summary>
    public bool Heals => Mode == FaultMode.Heal;

    /// <summary>The HTTP method of the fault API call.</summary>
    public string Method => Target switch
    {
        FaultTarget.Process or FaultTarget.Memory => "POST",
        FaultTarget.All => "DELETE",
        _ => "PUT",
    };

    /// <summary>The fault API path, e.g. <c>/faults/liveness</c>.</summary>
    public string Path => Target switch
    {
        FaultTarget.LivenessEndpoint => "/faults/liveness",
        FaultTarget.ReadinessEndpoint => "/faults/readiness",
        FaultTarget.StartupEndpoint => "/faults/startup",
        FaultTarget.TcpPort => "/faults/tcp",
        FaultTarget.Dependency => "/faults/dependency",
        FaultTarget.Process => "/faults/crash",
        FaultTarget.Memory => "/faults/leak",
        FaultTarget.Execution => "/faults/freeze",
        _ => "/faults",
    };

    /// <summary>The probe endpoint of <paramref name="probe"/> answers <paramref name="status"/>.</summary>
    public static FaultRequest Fail(ProbeKind probe, int status) => ForProbe(probe, FaultMode.Fail, $"fail ({status})") with { Status = status };

    /// <summary>The probe endpoint never answers.</summary>
    public static FaultRequest Hang(ProbeKind probe) => ForProbe(probe, FaultMode.Hang, "hang");

    /// <summary>The probe endpoint answers after <paramref name="delayMs"/>.</summary>
    public static FaultRequest Slow(ProbeKind probe, int delayMs) =>
        ForProbe(probe, FaultMode.Slow, $"slow ({delayMs} ms)") with { Delay = TimeSpan.FromMilliseconds(delayMs) };

    /// <summary>Every <paramref name="every"/>-th probe fails with <paramref name="status"/>; the others pass.</summary>
    public static FaultRequest Flap(ProbeKind probe, int every, int status) =>
        ForProbe(probe, FaultMode.Flap, $"flap (every {every}, {status})") with { Every = every, Status = status };

    /// <summary>The probe endpoint redirects to <paramref name="location"/>.</summary>
    public static FaultRequest Redirect(ProbeKind probe, string location) =>
        ForProbe(probe, FaultMode.Redirect, $"redirect to {location}") with { Location = location };

    /// <summary>The probe endpoint is healthy again.</summary>
    public static FaultRequest Recover(ProbeKind probe) => ForProbe(probe, FaultMode.Heal, "ok");

    /// <summary>The raw TCP port accepts connections or refuses them.</summary>
    public static FaultRequest Tcp(bool open) =>
        new(FaultTarget.TcpPort, open ? FaultMode.Heal : FaultMode.Fail, open ? "tcp port open" : "tcp port closed");

    /// <summary>The simulated dependency (database, downstream API) goes down or comes back.</summary>
    public static FaultRequest Dependency(bool available) =>
        new(FaultTarget.Dependency, available ? FaultMode.Heal : FaultMode.Fail, available ? "dependency available" : "dependency unavailable");

    /// <summary>The app exits with <paramref name="exitCode"/>.</summary>
    public static FaultRequest Crash(int exitCode) => new(FaultTarget.Process, FaultMode.Crash, $"crash (exit {exitCode})") { ExitCode = exitCode };

    /// <summary>The probe fault proxy kills the user's app with SIGKILL (exit code 137, as the kernel reports a killed process).</summary>
    public static FaultRequest Kill() => new(FaultTarget.Process, FaultMode.Crash, "killed (SIGKILL)") { ExitCode = 137, Killed = true };

    /// <summary>The probe fault proxy stops the user's app (SIGSTOP), so forwarded probes hang, or lets it run on (SIGCONT).</summary>
    public static FaultRequest Freeze(bool frozen) =>
        new(FaultTarget.Execution, frozen ? FaultMode.Hang : FaultMode.Heal, frozen ? "app frozen (SIGSTOP)" : "app thawed (SIGCONT)");

    /// <summary>The app allocates and keeps <paramref name="megabytes"/> more memory.</summary>
    public static FaultRequest Leak(int megabytes) => new(FaultTarget.Memory, FaultMode.Leak, $"memory leak ({megabytes} MB)") { Megabytes = megabytes };

    /// <summary>Every fault is cleared.</summary>
    public static FaultRequest ClearAll() => new(FaultTarget.All, FaultMode.Heal, "all faults cleared");

    /// <summary>The same probe fault, active only from <paramref name="afterSeconds"/> on and for <paramref name="forSeconds"/> (the app keeps the schedule).</summary>
    public FaultRequest Scheduled(double? afterSeconds, double? forSeconds)
    {
        if (afterSeconds is null && forSeconds is null)
        {
            return this;
        }

        if (Probe is null || Heals)
        {
            throw new ScenarioInputException($"'{Description}' cannot be scheduled: only probe endpoint faults take 'after' and 'for'.");
        }

        var description = Description
            + (afterSeconds is { } after ? string.Create(CultureInfo.InvariantCulture, $" after {after:0.#} s") : string.Empty)
            + (forSeconds is { } duration ? string.Create(CultureInfo.InvariantCulture, $" for {duration:0.#} s") : string.Empty);
        return this with { ActiveAfterSeconds = afterSeconds ?? 0, ActiveForSeconds = forSeconds, Description = description };
    }

    /// <summary>The JSON body of the fault API call, or null when it has none.</summary>
    public JsonObject? Body()
    {
        var body = Target switch
        {
            FaultTarget.TcpPort => new JsonObject { ["open"] = Heals },
            FaultTarget.Dependency => new JsonObject { ["available"] = Heals },
            FaultTarget.Process => Killed ? new JsonObject() : new JsonObject { ["exitCode"] = ExitCode },
            FaultTarget.Execution => new JsonObject { ["frozen"] = !Heals },
            FaultTarget.Memory => new JsonObject { ["megabytes"] = Megabytes },
            FaultTarget.All => null,
            _ => ProbeBody(),
        };
        if (body is not null && ActiveAfterSeconds > 0)
        {
            body["afterSeconds"] = ActiveAfterSeconds;
        }

        if (body is not null && ActiveForSeconds is { } duration)
        {
            body["forSeconds"] = duration;
        }

        return body;
    }

    private JsonObject ProbeBody()
    {
        var body = new JsonObject
        {
            ["mode"] = Mode switch
            {
                FaultMode.Heal => "ok",
                FaultMode.Fail => "fail",
                FaultMode.Hang => "hang",
                FaultMode.Slow => "slow",
                FaultMode.Flap => "flap",
                _ => "redirect",
            },
        };
        if (Status is { } status)
        {
            body["status"] = status;
        }

        if (Mode == FaultMode.Slow)
        {
            body["delayMs"] = (int)Delay.TotalMilliseconds;
        }

        if (Mode == FaultMode.Flap)
        {
            body["every"] = Every;
        }

        if (Location is { } location)
        {
            body["location"] = location;
        }

        return body;
    }

    /// <summary>The endpoint of <paramref name="probe"/> (the inverse of <see cref="ProbeOf"/>).</summary>
    public static FaultTarget EndpointOf(ProbeKind probe) => probe switch
    {
        ProbeKind.Liveness => FaultTarget.LivenessEndpoint,
        ProbeKind.Readiness => FaultTarget.ReadinessEndpoint,
        _ => FaultTarget.StartupEndpoint,
    };

    private static FaultRequest ForProbe(ProbeKind probe, FaultMode mode, string what) =>
        new(EndpointOf(probe), mode, $"{probe.ToString().ToLowerInvariant()} {what}");
}
