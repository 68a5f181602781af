using System.Globalization;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Waits for a reaction the cluster shows (a restart, a Ready flip, an event), measures its time as an interval with its precision, judges it against the kubelet model's window, and records it.</summary>
public sealed class TimingDriver(Expectations expectations, ScenarioRecorder recorder, ScenarioClock clock, PodRoster roster, ScenarioCluster cluster)
{
    /// <summary>How long after a reaction the watch may deliver it (status batching, event rate limits): how much longer than the window a wait lasts.</summary>
    public static readonly TimeSpan PropagationSlack = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Waits until <paramref name="occurredAt"/> yields an instant: within <paramref name="window"/> (plus its jitter) of
    /// <paramref name="reference"/>, or within <paramref name="fixedWithin"/> from now when there is no window. A judged time is
    /// recorded and must lie in the window.
    /// </summary>
    public async Task<MeasuredInstant> WaitAsync(
        string what,
        TimedReaction timed,
        MeasuredInstant reference,
        ReactionWindow? window,
        TimeSpan? fixedWithin,
        Func<ClusterState, MeasuredInstant?> occurredAt,
        Func<ClusterState, string> describe,
        CancellationToken cancellationToken)
    {
        var deadline = window is not null
            ? reference.Latest + window.Latest + PropagationSlack
            : clock.Now + (fixedWithin ?? throw new ArgumentNullException(nameof(fixedWithin)));
        var within = deadline - clock.Now;
        var label = window is null ? what : string.Create(CultureInfo.InvariantCulture, $"{what} (bound {window.Min.TotalSeconds:0.#}–{window.Latest.TotalSeconds:0.#} s after {Describe(reference.Mid)})");
        MeasuredInstant at;
        try
        {
            at = await expectations.EventuallyAsync(
                label,
                within > TimeSpan.Zero ? within : TimeSpan.Zero,
                state => occurredAt(state) is { } instant
                    ? Observation.Holds(instant, $"at {Describe(instant.Mid)}")
                    : Observation.Not<MeasuredInstant>(describe(state)),
                cancellationToken);
        }
        catch (ExpectationFailedException)
        {
            if (window is not null)
            {
                recorder.AddTiming(Record(timed, null, null, window, TimingVerdict.Missed, null));
            }

            throw;
        }

        if (window is not null)
        {
            Judge(timed, window, reference, at);
        }

        return at;
    }

    /// <summary>Records the time from <paramref name="reference"/> to <paramref name="at"/> against <paramref name="window"/>, failing when outside it.</summary>
    public void Judge(TimedReaction timed, ReactionWindow window, MeasuredInstant reference, MeasuredInstant at, string? sourceNote = null)
    {
        var measured = MeasuredDuration.Between(reference, at);
        var verdict = window.Judge(measured);
        var record = Record(timed, measured, at, window, verdict, sourceNote);
        recorder.AddTiming(record);
        var text = string.Create(CultureInfo.InvariantCulture, $"{record.Name}: {measured.Seconds:0.0#} s ± {measured.PrecisionSeconds:0.0#}, bound [{window.Min.TotalSeconds:0.#}, {window.Max.TotalSeconds:0.#}] s + {window.Jitter.TotalSeconds:0.#} s ({window.Formula})");
        recorder.Note(text);
        if (verdict != TimingVerdict.WithinBound)
        {
            throw new ExpectationFailedException($"{text}: {verdict.ToString().ToLowerInvariant()}, even allowing for the measurement's precision");
        }
    }

    /// <summary>Records a measured time that no window applies to (<see cref="TimingVerdict.Unbounded"/>) or no fault can have caused (<see cref="TimingVerdict.Unattributed"/>).</summary>
    public void Record(TimedReaction timed, MeasuredInstant reference, MeasuredInstant at, TimingVerdict verdict = TimingVerdict.Unbounded, string? sourceNote = null) =>
        recorder.AddTiming(Record(timed, MeasuredDuration.Between(reference, at), at, null, verdict, sourceNote));

    /// <summary>True when a step already recorded <paramref name="timed"/> (the end-of-scenario analysis measures it again).</summary>
    public bool HasStepRecord(TimedReaction timed) => recorder.FindTiming(NameOf(timed)) is not null;

    /// <summary>
    /// Records the timing measured again at the end of the scenario with sharper instants: a step's own record of it keeps its
    /// window and is judged again; otherwise it is judged against <paramref name="window"/> (or recorded unbounded when null).
    /// </summary>
    public void Remeasure(TimedReaction timed, ReactionWindow? window, MeasuredInstant reference, MeasuredInstant at, string? sourceNote)
    {
        ArgumentNullException.ThrowIfNull(timed);
        var measured = MeasuredDuration.Between(reference, at);
        if (recorder.FindTiming(NameOf(timed)) is { } stepRecord)
        {
            if (stepRecord.MeasuredSeconds is null)
            {
                return;
            }

            var stated = stepRecord is { BoundMinSeconds: { } min, BoundMaxSeconds: { } max }
                ? new ReactionWindow(TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max), stepRecord.Formula ?? string.Empty) { Jitter = TimeSpan.FromSeconds(stepRecord.JitterSeconds ?? 0) }
                : null;
            recorder.ReplaceTiming(stepRecord with
            {
                MeasuredSeconds = measured.Seconds,
                PrecisionSeconds = measured.PrecisionSeconds,
                OccurredAt = at.Mid,
                OccurredPrecisionSeconds = Math.Round(at.PrecisionSeconds, 6),
                OccurredSource = at.Source,
                Verdict = stated?.Judge(measured) ?? stepRecord.Verdict,
                SourceNote = sourceNote ?? stepRecord.SourceNote,
            });
            return;
        }

        var verdict = window?.Judge(measured) ?? TimingVerdict.Unbounded;
        recorder.AddTiming(Record(timed, measured, at, window, verdict, sourceNote));
    }

    /// <summary>The record of one timing, built in this one place.</summary>
    public TimingRecord Record(TimedReaction timed, MeasuredDuration? measured, MeasuredInstant? at, ReactionWindow? window, TimingVerdict verdict, string? sourceNote)
    {
        ArgumentNullException.ThrowIfNull(timed);
        return new TimingRecord
        {
            Pod = roster.Label(timed.PodName),
            PodName = timed.PodName,
            Namespace = cluster.Namespace.Name,
            Measure = timed.Measure,
            Reference = timed.Reference,
            Detail = timed.Detail,
            MeasuredSeconds = measured?.Seconds,
            PrecisionSeconds = measured?.PrecisionSeconds,
            OccurredAt = at?.Mid,
            OccurredPrecisionSeconds = at is null ? null : Math.Round(at.PrecisionSeconds, 6),
            OccurredSource = at?.Source,
            BoundMinSeconds = window is null ? null : Math.Round(window.Min.TotalSeconds, 3),
            BoundMaxSeconds = window is null ? null : Math.Round(window.Max.TotalSeconds, 3),
            JitterSeconds = window is null ? null : Math.Round(window.Jitter.TotalSeconds, 3),
            Formula = window?.Formula,
            Verdict = verdict,
            SourceNote = sourceNote,
        };
    }

    // The name a record of this reaction carries (the recorder finds records by it).
    private string NameOf(TimedReaction timed) => Record(timed, null, null, null, TimingVerdict.Unbounded, null).Name;

    /// <summary>A time as "+12.3 s" on the scenario's axis.</summary>
    public string Describe(DateTimeOffset time) => string.Create(CultureInfo.InvariantCulture, $"+{clock.SecondsAt(time):0.0} s");
}
