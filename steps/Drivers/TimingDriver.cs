using System.Globalization;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Waits for something the cluster timestamps (a restart, a Ready flip, an event) and judges its time against a bound; every measurement goes into the record.</summary>
public sealed class TimingDriver(Expectations expectations, ScenarioRecorder recorder, ScenarioClock clock)
{
    /// <summary>How long after a server timestamp the watch may deliver it (status batching, event rate limits).</summary>
    public static readonly TimeSpan PropagationSlack = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Waits until <paramref name="occurredAt"/> yields a server time: within <paramref name="bound"/> of <paramref name="reference"/>, or within
    /// <paramref name="fixedWithin"/> from now when there is no bound. A bounded time is recorded and must lie in the bound.
    /// </summary>
    public async Task<DateTimeOffset> WaitAsync(
        string what,
        string pod,
        DateTimeOffset reference,
        TimeBound? bound,
        TimeSpan? fixedWithin,
        Func<ClusterState, DateTimeOffset?> occurredAt,
        Func<ClusterState, string> describe,
        CancellationToken cancellationToken)
    {
        var deadline = bound is not null
            ? reference + TimeSpan.FromSeconds(bound.MaxSeconds) + PropagationSlack
            : clock.Now + (fixedWithin ?? throw new ArgumentNullException(nameof(fixedWithin)));
        var within = deadline - clock.Now;
        var label = bound is null ? what : string.Create(CultureInfo.InvariantCulture, $"{what} (bound {bound.MinSeconds:0.#}–{bound.MaxSeconds:0.#} s after {Describe(reference)})");
        DateTimeOffset at;
        try
        {
            at = await expectations.EventuallyAsync(
                label,
                within > TimeSpan.Zero ? within : TimeSpan.Zero,
                state => occurredAt(state) is { } time
                    ? Observation.Holds(time, $"at {Describe(time)}")
                    : Observation.Not<DateTimeOffset>(describe(state)),
                cancellationToken);
        }
        catch (ExpectationFailedException)
        {
            if (bound is not null)
            {
                recorder.AddTiming(new TimingRecord($"{pod} {bound.Name}", null, bound.MinSeconds, bound.MaxSeconds, bound.Formula, "missed"));
            }

            throw;
        }

        if (bound is not null)
        {
            Judge(pod, bound, reference, at);
        }

        return at;
    }

    /// <summary>Records the time from <paramref name="reference"/> to <paramref name="at"/> against <paramref name="bound"/>, failing when outside it.</summary>
    public void Judge(string pod, TimeBound bound, DateTimeOffset reference, DateTimeOffset at)
    {
        var measured = Math.Round((at - reference).TotalSeconds, 3);
        var verdict = bound.Verdict(measured);
        recorder.AddTiming(new TimingRecord($"{pod} {bound.Name}", measured, bound.MinSeconds, bound.MaxSeconds, bound.Formula, verdict));
        var text = string.Create(CultureInfo.InvariantCulture, $"{pod} {bound.Name}: {measured:0.0#} s, bound [{bound.MinSeconds:0.#}, {bound.MaxSeconds:0.#}] s ({bound.Formula})");
        recorder.Note(text);
        if (verdict != "within-bound")
        {
            throw new ExpectationFailedException($"{text}: {verdict} (server timestamps have whole seconds, so a time may read up to 1 s early)");
        }
    }

    /// <summary>Records a measured time without a bound.</summary>
    public void Record(string name, double? measuredSeconds) =>
        recorder.AddTiming(new TimingRecord(name, measuredSeconds is { } m ? Math.Round(m, 3) : null, null, null, null, measuredSeconds is null ? "missed" : "unbounded"));

    /// <summary>A time as "+12.3 s" on the scenario's axis.</summary>
    public string Describe(DateTimeOffset time) => string.Create(CultureInfo.InvariantCulture, $"+{clock.SecondsAt(time):0.0} s");
}
