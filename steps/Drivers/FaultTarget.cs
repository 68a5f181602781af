namespace ProbeHarness.Steps.Drivers;

/// <summary>What part of the target app (or, through the probe fault proxy, of the user's app) a fault changes.</summary>
public enum FaultTarget
{
    /// <summary>The liveness endpoint <c>/healthz</c>, its gRPC service and the health file.</summary>
    LivenessEndpoint,

    /// <summary>The readiness endpoint <c>/readyz</c> and its gRPC service.</summary>
    ReadinessEndpoint,

    /// <summary>The startup endpoint <c>/startupz</c> and its gRPC service.</summary>
    StartupEndpoint,

    /// <summary>The raw TCP port for tcpSocket probes.</summary>
    TcpPort,

    /// <summary>The simulated dependency (readiness, and liveness when it checks the dependency).</summary>
    Dependency,

    /// <summary>The process itself (a crash).</summary>
    Process,

    /// <summary>The user's app process, stopped and continued by the probe fault proxy (SIGSTOP/SIGCONT): forwarded HTTP and gRPC probes hang.</summary>
    Execution,

    /// <summary>The process's memory (a leak, read by memory-checking exec probes).</summary>
    Memory,

    /// <summary>Every fault at once (clearing them).</summary>
    All,
}
