using System.Diagnostics;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary><c>Eventually</c> and <c>Consistently</c> on the scenario's watch: each check runs on every change (and at least once a second), never after a fixed sleep.</summary>
public sealed class Expectations(ClusterObserver observer, ScenarioLog log, ScenarioRecorder recorder, ScenarioClock scenarioClock)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a step may ask for (a day): a longer one is a typo, refused naming its value.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>Returns <paramref name="wait"/> when it is at most <see cref="MaxWait"/>, else fails naming it.</summary>
    public static TimeSpan CheckWait(string what, TimeSpan wait) => wait <= MaxWait
        ? wait
        : throw new ScenarioInputException($"{what}: a wait of {wait.TotalSeconds:0.###} s is out of range; at most {MaxWait.TotalSeconds:0} s is allowed.");

    /// <summary>Waits until <paramref name="check"/> holds, failing after <paramref name="within"/> with what was last seen.</summary>
    public async Task<T> EventuallyAsync<T>(string what, TimeSpan within, Func<ClusterState, Observation<T>> check, CancellationToken cancellationToken)
    {
        CheckWait(what, within);
        var clock = Stopwatch.StartNew();
        var nextProgress = ProgressInterval;
        using var wait = Record(window: null);
        while (true)
        {
            var state = observer.State;
            var seen = check(state);
            if (seen.Holds)
            {
                log.Write($"{what}: {seen.Detail} ({clock.Elapsed.TotalSeconds:0.0} s)");
                recorder.Note(seen.Detail);
                return seen.Value!;
            }

            var remaining = within - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new ExpectationFailedException(
                    $"Expected {what} within {within.TotalSeconds:0.#} s, but after {clock.Elapsed.TotalSeconds:0.0} s: {seen.Detail}");
            }

            if (clock.Elapsed >= nextProgress)
            {
                log.Write($"waiting for {what}, {clock.Elapsed.TotalSeconds:0} s of {within.TotalSeconds:0} s: {seen.Detail}");
                nextProgress += ProgressInterval;
            }

            await observer.WaitForChangeAsync(state.Version, Min(remaining, RecheckInterval), cancellationToken);
        }
    }

    /// <summary>Checks <paramref name="check"/> on every change for <paramref name="window"/>, failing at the first state where it does not hold.</summary>
    public async Task ConsistentlyAsync(string what, TimeSpan window, Func<ClusterState, Observation<bool>> check, CancellationToken cancellationToken)
    {
        CheckWait(what, window);
        var clock = Stopwatch.StartNew();
        var nextProgress = ProgressInterval;
        using var wait = Record(window);
        log.Write($"checking that {what} for {window.TotalSeconds:0.#} s");
        while (true)
        {
            var state = observer.State;
            var seen = check(state);
            if (!seen.Holds)
            {
                throw new ExpectationFailedException(
                    $"Expected {what} for {window.TotalSeconds:0.#} s, but after {clock.Elapsed.TotalSeconds:0.0} s: {seen.Detail}");
            }

            var remaining = window - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                log.Write($"{what} held for {window.TotalSeconds:0.#} s: {seen.Detail}");
                recorder.Note(seen.Detail);
                return;
            }

            if (clock.Elapsed >= nextProgress)
            {
                log.Write($"{what}: {clock.Elapsed.TotalSeconds:0} s of {window.TotalSeconds:0} s: {seen.Detail}");
                nextProgress += ProgressInterval;
            }

            await observer.WaitForChangeAsync(state.Version, Min(remaining, RecheckInterval), cancellationToken);
        }
    }

    // The wait goes into the record when it ends, however it ends (held, failed or cancelled), for the benchmark's phases.
    private WaitScope Record(TimeSpan? window) => new(recorder, scenarioClock, scenarioClock.SecondsAt(scenarioClock.Now), window);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
