namespace ProbeHarness.Steps.Drivers;

/// <summary>What a target-app event line reports (the <c>probeHarnessEvent</c> field; target-app/README.md has the table).</summary>
public enum AppEventKind
{
    /// <summary><c>process-started</c>: Main was entered.</summary>
    ProcessStarted,

    /// <summary><c>listening</c>: every port is open.</summary>
    Listening,

    /// <summary><c>probe-answered</c>: an HTTP probe endpoint answered, or the request was aborted.</summary>
    ProbeAnswered,

    /// <summary><c>grpc-answered</c>: a gRPC health check answered, or was aborted.</summary>
    GrpcAnswered,

    /// <summary><c>tcp-accepted</c>: the TCP probe port accepted a connection.</summary>
    TcpAccepted,

    /// <summary><c>tcp-port-changed</c>: the TCP probe port opened or closed.</summary>
    TcpPortChanged,

    /// <summary><c>health-file-changed</c>: the health file exec probes read appeared or disappeared.</summary>
    HealthFileChanged,

    /// <summary><c>memory-file-changed</c>: the memory file exec probes read got a new value.</summary>
    MemoryFileChanged,

    /// <summary><c>fault-applied</c>: a fault took effect (API request, or the initial faults at start).</summary>
    FaultApplied,

    /// <summary><c>fault-active</c>: a scheduled probe fault's window opened.</summary>
    FaultActive,

    /// <summary><c>fault-ended</c>: a probe fault's window closed by itself.</summary>
    FaultEnded,

    /// <summary><c>signal-received</c>: SIGTERM or SIGINT arrived.</summary>
    SignalReceived,

    /// <summary><c>process-exiting</c>: the process exits right after, with <see cref="AppEvent.ExitCode"/>.</summary>
    ProcessExiting,
}
