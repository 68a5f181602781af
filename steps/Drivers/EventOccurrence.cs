using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>One time the kubelet recorded an event (a new event, or a repeat that raised its count).</summary>
/// <param name="At">The server's timestamp of this occurrence (lastTimestamp, or eventTime / series time).</param>
/// <param name="PodName">The pod the event is about (involvedObject).</param>
/// <param name="Reason">e.g. <c>Unhealthy</c>, <c>Killing</c>, <c>BackOff</c>.</param>
/// <param name="Message">The event's message.</param>
/// <param name="Type">Normal or Warning.</param>
/// <param name="Times">How many occurrences this one stands for (more than 1 when repeats arrived folded together).</param>
/// <param name="SeenAt">When the watch delivered it (only to tell before from after; timings use <paramref name="At"/>).</param>
public sealed record EventOccurrence(DateTimeOffset At, string PodName, string Reason, string Message, string Type, int Times, DateTimeOffset SeenAt)
{
    /// <summary>When it happened, as the interval the server timestamp and the watch allow.</summary>
    public MeasuredInstant Instant => ClusterTime.Measured(At, SeenAt);
}
