namespace ProbeHarness.Steps.Drivers;

/// <summary>One target-app event line, typed: what happened, the millisecond instant the app read its clock, and where the line came from.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When, UTC, truncated to the millisecond by the app (the truth lies in [At, At + 1 ms)), on the node's clock.</param>
/// <param name="Log">The container log the line was read from.</param>
/// <param name="LineNumber">The line's number in that log, from 1.</param>
/// <remarks>Fields a kind does not carry are null (or false); target-app/README.md says which kind carries which.</remarks>
public sealed record AppEvent(AppEventKind Kind, DateTimeOffset At, AppLogInstance Log, int LineNumber)
{
    /// <summary>The runtime's container ID of the instance whose log held the line, when the pod status named it steadily while the log was read.</summary>
    public string? ContainerId { get; init; }

    /// <summary>The app's own instance id (12 hex digits, new on every process start), which tells container instances apart for certain.</summary>
    public string? AppInstance { get; init; }

    /// <summary>The probe the event concerns (the endpoint's probe, the gRPC service's, the fault's), or null.</summary>
    public ProbeKind? Probe { get; init; }

    /// <summary>The HTTP request path (probe answers, fault requests), or null.</summary>
    public string? Path { get; init; }

    /// <summary>The client's User-Agent on probe and gRPC answers (the kubelet's is <c>kube-probe/&lt;version&gt;</c>), or null.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The HTTP status answered (probe answers), or a fault's configured status, or null.</summary>
    public int? Status { get; init; }

    /// <summary>Whether the answer counts as a success (HTTP 2xx or redirect, gRPC SERVING); null when aborted or not an answer.</summary>
    public bool? Healthy { get; init; }

    /// <summary>When the app received the request it answered (probe and gRPC answers), or null.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>When the app began writing its answer (HTTP probe answers), or null; the client cannot have had it earlier.</summary>
    public DateTimeOffset? SendingAt { get; init; }

    /// <summary>True when the request was aborted before an answer (a hang or slow answer the client gave up on, or the stop cut).</summary>
    public bool Aborted { get; init; }

    /// <summary>Who aborted it: <c>client</c> or <c>shutdown</c>; null when answered.</summary>
    public string? AbortedBy { get; init; }

    /// <summary>The app's request-to-answer time in milliseconds (monotonic clock), or null.</summary>
    public double? DurationMs { get; init; }

    /// <summary>True when the probe fault proxy wrote the line about a probe it forwarded to a user's app.</summary>
    public bool Proxied { get; init; }

    /// <summary>For a proxied probe: how long the user's app took to answer it, in milliseconds; null when a fault answered without asking the app.</summary>
    public double? UpstreamMs { get; init; }

    /// <summary>The gRPC answer: <c>SERVING</c>, <c>NOT_SERVING</c> or <c>NOT_FOUND</c>; null otherwise.</summary>
    public string? ServingStatus { get; init; }

    /// <summary>Why the answer was what it was (<c>ok</c>, <c>fault:fail</c>, …), or the exit's reason; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>A fault's target: <c>liveness</c>, <c>readiness</c>, <c>startup</c>, <c>tcp</c>, <c>dependency</c>, <c>all</c>, <c>crash</c>, <c>leak</c>; null otherwise.</summary>
    public string? Target { get; init; }

    /// <summary>A probe fault's mode (<c>ok</c>, <c>fail</c>, <c>hang</c>, …), or null.</summary>
    public string? Mode { get; init; }

    /// <summary>Where a fault came from: <c>api</c>, <c>FAULTS_AT_START</c> or <c>FAULT_STATE_DIR</c>; null otherwise.</summary>
    public string? Source { get; init; }

    /// <summary>When a scheduled fault's window opens, or null.</summary>
    public DateTimeOffset? ActiveFrom { get; init; }

    /// <summary>When a fault's window closes, or null.</summary>
    public DateTimeOffset? ActiveUntil { get; init; }

    /// <summary>Whether the TCP port is (or a tcp fault makes it) open; null otherwise.</summary>
    public bool? Open { get; init; }

    /// <summary>Whether a dependency fault makes the dependency available; null otherwise.</summary>
    public bool? Available { get; init; }

    /// <summary>Whether the health file exists now; null otherwise.</summary>
    public bool? Present { get; init; }

    /// <summary>The memory file's new value, or a leak's size, in MB; null otherwise.</summary>
    public long? Megabytes { get; init; }

    /// <summary>The port (TCP events), or null.</summary>
    public int? Port { get; init; }

    /// <summary>The signal received (<c>SIGTERM</c>, <c>SIGINT</c>), or null.</summary>
    public string? Signal { get; init; }

    /// <summary>What the app does about the signal (<c>stopping</c>, <c>ignored (IGNORE_SIGTERM=true)</c>, …), or null.</summary>
    public string? Action { get; init; }

    /// <summary>The exit code (process-exiting; also a crash request's), or null.</summary>
    public int? ExitCode { get; init; }

    /// <summary>When the kernel started the process (process-started; 10 ms ticks), or null.</summary>
    public DateTimeOffset? ProcessStartedAt { get; init; }
}
