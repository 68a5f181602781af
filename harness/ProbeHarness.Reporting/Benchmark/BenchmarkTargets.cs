using System.Globalization;
using ProbeHarness.Reporting.Building;

namespace ProbeHarness.Reporting.Benchmark;

/// <summary>The targets of the "suite speed" issue: stated with the measured value and whether it is met, recorded and never asserted.</summary>
public static class BenchmarkTargets
{
    /// <summary>Emulated backend: the wall may be at most this many times the longest scenario…</summary>
    public const double EmulatedWallFactor = 1.5;

    /// <summary>…plus this many seconds.</summary>
    public const double EmulatedWallSlackSeconds = 20;

    /// <summary>Real clusters (any non-emulated backend): the suite's wall must stay below this.</summary>
    public const double RealWallLimitSeconds = 180;

    /// <summary>Emulated backend: the harness's overhead per scenario (judged on the p95) at most this.</summary>
    public const double EmulatedOverheadSeconds = 1;

    /// <summary>Real clusters: the harness's overhead per scenario (judged on the p95) at most this.</summary>
    public const double RealOverheadSeconds = 3;

    /// <summary>The targets for a run on the emulated backend or on a real cluster, judged on its wall, longest scenario and overhead.</summary>
    public static IReadOnlyList<BenchmarkTarget> For(bool emulated, double wallSeconds, LongestScenario? longest, BenchmarkSpread? overhead)
    {
        var ran = longest is not null;
        var wall = emulated
            ? new BenchmarkTarget(
                "suite wall",
                string.Create(CultureInfo.InvariantCulture, $"wall ≤ {EmulatedWallFactor:0.0} × longest scenario + {EmulatedWallSlackSeconds:0} s"),
                (EmulatedWallFactor * (longest?.Seconds ?? 0)) + EmulatedWallSlackSeconds,
                ran ? wallSeconds : null,
                ran ? wallSeconds <= (EmulatedWallFactor * longest!.Seconds) + EmulatedWallSlackSeconds : null,
                ran ? $"longest {Format.Seconds(longest!.Seconds)}" : null)
            : new BenchmarkTarget(
                "suite wall",
                string.Create(CultureInfo.InvariantCulture, $"wall < {RealWallLimitSeconds:0} s"),
                RealWallLimitSeconds,
                ran ? wallSeconds : null,
                ran ? wallSeconds < RealWallLimitSeconds : null,
                null);
        var limit = emulated ? EmulatedOverheadSeconds : RealOverheadSeconds;
        var harness = new BenchmarkTarget(
            "harness overhead",
            string.Create(CultureInfo.InvariantCulture, $"overhead per scenario ≤ {limit:0} s (p95)"),
            limit,
            overhead?.P95,
            overhead is null ? null : overhead.P95 <= limit,
            overhead is null ? null : $"max {Format.Seconds(overhead.Max)}");
        return [wall, harness];
    }
}
