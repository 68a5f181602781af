namespace ProbeHarness.TargetApp.Logging;

/// <summary>The names of the structured event lines (<c>"probeHarnessEvent":"…"</c>) a reader picks out of the container log.</summary>
public static class AppEventNames
{
    /// <summary>The marker field: present (and first) exactly on event lines; its value is the event name.</summary>
    public const string Marker = "probeHarnessEvent";

    /// <summary>The <c>kind</c> every event line carries, so readers of the other lines can skip them.</summary>
    public const string LineKind = "event";

    /// <summary>The process entered Main.</summary>
    public const string ProcessStarted = "process-started";

    /// <summary>Every listener (HTTP, TCP, gRPC) is open.</summary>
    public const string Listening = "listening";

    /// <summary>An HTTP probe endpoint answered a request, or the request was aborted first.</summary>
    public const string ProbeAnswered = "probe-answered";

    /// <summary>The raw TCP probe port accepted a connection.</summary>
    public const string TcpAccepted = "tcp-accepted";

    /// <summary>The TCP probe port opened or closed (fault <c>tcp</c>, start, stop).</summary>
    public const string TcpPortChanged = "tcp-port-changed";

    /// <summary>A gRPC health check answered, or was aborted first.</summary>
    public const string GrpcAnswered = "grpc-answered";

    /// <summary>The health file exec probes read appeared or disappeared.</summary>
    public const string HealthFileChanged = "health-file-changed";

    /// <summary>The memory file exec probes read got a new value.</summary>
    public const string MemoryFileChanged = "memory-file-changed";

    /// <summary>A fault took effect: a fault API request, or the initial faults at start.</summary>
    public const string FaultApplied = "fault-applied";

    /// <summary>A scheduled fault's window opened (<c>afterSeconds</c>).</summary>
    public const string FaultActive = "fault-active";

    /// <summary>A fault's window closed by itself (<c>forSeconds</c>).</summary>
    public const string FaultEnded = "fault-ended";

    /// <summary>SIGTERM or SIGINT arrived.</summary>
    public const string SignalReceived = "signal-received";

    /// <summary>The process is about to exit with the given code.</summary>
    public const string ProcessExiting = "process-exiting";
}
