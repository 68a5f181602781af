using System.Globalization;
using System.Text.Json.Nodes;

namespace ProbeHarness.Steps.Drivers;

/// <summary>One call of the target app's fault API (see target-app/README.md) and how the report names it.</summary>
/// <param name="Method">PUT, POST or DELETE.</param>
/// <param name="Path">e.g. <c>/faults/liveness</c>.</param>
/// <param name="Body">The JSON body, or null.</param>
/// <param name="Description">e.g. <c>liveness fail (500)</c>.</param>
/// <param name="Probe">The probe whose endpoint it changes, or null for TCP, dependency, crash, leak and clearing.</param>
/// <param name="EndsProcess">True when the app exits on it (crash), so a lost answer is expected and no retry is made.</param>
/// <param name="Heals">True when it ends a fault (a probe endpoint recovers, the port reopens, the dependency returns, all cleared).</param>
public sealed record FaultRequest(string Method, string Path, JsonObject? Body, string Description, ProbeKind? Probe = null, bool EndsProcess = false, bool Heals = false)
{
    /// <summary>The probe endpoint of <paramref name="probe"/> answers <paramref name="status"/>.</summary>
    public static FaultRequest Fail(ProbeKind probe, int status) =>
        ForProbe(probe, new JsonObject { ["mode"] = "fail", ["status"] = status }, $"fail ({status})");

    /// <summary>The probe endpoint never answers.</summary>
    public static FaultRequest Hang(ProbeKind probe) => ForProbe(probe, new JsonObject { ["mode"] = "hang" }, "hang");

    /// <summary>The probe endpoint answers after <paramref name="delayMs"/>.</summary>
    public static FaultRequest Slow(ProbeKind probe, int delayMs) =>
        ForProbe(probe, new JsonObject { ["mode"] = "slow", ["delayMs"] = delayMs }, $"slow ({delayMs} ms)");

    /// <summary>Every <paramref name="every"/>-th probe fails with <paramref name="status"/>; the others pass.</summary>
    public static FaultRequest Flap(ProbeKind probe, int every, int status) =>
        ForProbe(probe, new JsonObject { ["mode"] = "flap", ["every"] = every, ["status"] = status }, $"flap (every {every}, {status})");

    /// <summary>The probe endpoint redirects to <paramref name="location"/>.</summary>
    public static FaultRequest Redirect(ProbeKind probe, string location) =>
        ForProbe(probe, new JsonObject { ["mode"] = "redirect", ["location"] = location }, $"redirect to {location}");

    /// <summary>The probe endpoint is healthy again.</summary>
    public static FaultRequest Recover(ProbeKind probe) => ForProbe(probe, new JsonObject { ["mode"] = "ok" }, "ok") with { Heals = true };

    /// <summary>The raw TCP port accepts connections or refuses them.</summary>
    public static FaultRequest Tcp(bool open) =>
        new("PUT", "/faults/tcp", new JsonObject { ["open"] = open }, open ? "tcp port open" : "tcp port closed", Heals: open);

    /// <summary>The simulated dependency (database, downstream API) goes down or comes back.</summary>
    public static FaultRequest Dependency(bool available) =>
        new("PUT", "/faults/dependency", new JsonObject { ["available"] = available }, available ? "dependency available" : "dependency unavailable", Heals: available);

    /// <summary>The app exits with <paramref name="exitCode"/>.</summary>
    public static FaultRequest Crash(int exitCode) =>
        new("POST", "/faults/crash", new JsonObject { ["exitCode"] = exitCode }, $"crash (exit {exitCode})", EndsProcess: true);

    /// <summary>The app allocates and keeps <paramref name="megabytes"/> more memory.</summary>
    public static FaultRequest Leak(int megabytes) =>
        new("POST", "/faults/leak", new JsonObject { ["megabytes"] = megabytes }, $"memory leak ({megabytes} MB)");

    /// <summary>Every fault is cleared.</summary>
    public static FaultRequest ClearAll() => new("DELETE", "/faults", null, "all faults cleared", Heals: true);

    /// <summary>The same probe fault, active only from <paramref name="afterSeconds"/> on and for <paramref name="forSeconds"/> (the app keeps the schedule).</summary>
    public FaultRequest Scheduled(double? afterSeconds, double? forSeconds)
    {
        if (afterSeconds is null && forSeconds is null)
        {
            return this;
        }

        if (Probe is null || Body?["mode"]?.GetValue<string>() == "ok")
        {
            throw new ScenarioInputException($"'{Description}' cannot be scheduled: only probe endpoint faults take 'after' and 'for'.");
        }

        var body = (JsonObject)Body!.DeepClone();
        var description = Description;
        if (afterSeconds is { } after)
        {
            body["afterSeconds"] = after;
            description += string.Create(CultureInfo.InvariantCulture, $" after {after:0.#} s");
        }

        if (forSeconds is { } duration)
        {
            body["forSeconds"] = duration;
            description += string.Create(CultureInfo.InvariantCulture, $" for {duration:0.#} s");
        }

        return this with { Body = body, Description = description };
    }

    /// <summary>Seconds after the request until the fault is active (0 unless scheduled).</summary>
    public double ActiveAfterSeconds => Body?["afterSeconds"]?.GetValue<double>() ?? 0;

    /// <summary>How long the fault lasts once active, or null when it lasts until changed.</summary>
    public double? ActiveForSeconds => Body?["forSeconds"]?.GetValue<double>();

    private static FaultRequest ForProbe(ProbeKind probe, JsonObject body, string what)
    {
        var name = probe.ToString().ToLowerInvariant();
        return new FaultRequest("PUT", $"/faults/{name}", body, $"{name} {what}", probe);
    }
}
