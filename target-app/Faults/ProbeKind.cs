namespace ProbeHarness.TargetApp.Faults;

/// <summary>The three kubelet probes the app answers.</summary>
public enum ProbeKind
{
    /// <summary>Liveness: <c>/healthz</c>, gRPC service "" and "liveness", the health file.</summary>
    Liveness,

    /// <summary>Readiness: <c>/readyz</c>, gRPC service "readiness".</summary>
    Readiness,

    /// <summary>Startup: <c>/startupz</c>, gRPC service "startup".</summary>
    Startup,
}
