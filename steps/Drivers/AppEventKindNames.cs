namespace ProbeHarness.Steps.Drivers;

/// <summary>The wire names of <see cref="AppEventKind"/>, as the target app writes them in <c>probeHarnessEvent</c>.</summary>
public static class AppEventKindNames
{
    private static readonly Dictionary<string, AppEventKind> Kinds = new(StringComparer.Ordinal)
    {
        ["process-started"] = AppEventKind.ProcessStarted,
        ["listening"] = AppEventKind.Listening,
        ["probe-answered"] = AppEventKind.ProbeAnswered,
        ["grpc-answered"] = AppEventKind.GrpcAnswered,
        ["tcp-accepted"] = AppEventKind.TcpAccepted,
        ["tcp-port-changed"] = AppEventKind.TcpPortChanged,
        ["health-file-changed"] = AppEventKind.HealthFileChanged,
        ["memory-file-changed"] = AppEventKind.MemoryFileChanged,
        ["fault-applied"] = AppEventKind.FaultApplied,
        ["fault-active"] = AppEventKind.FaultActive,
        ["fault-ended"] = AppEventKind.FaultEnded,
        ["signal-received"] = AppEventKind.SignalReceived,
        ["process-exiting"] = AppEventKind.ProcessExiting,
    };

    /// <summary>The wire name of <paramref name="kind"/>, e.g. <c>probe-answered</c>.</summary>
    public static string Name(this AppEventKind kind) => Kinds.First(entry => entry.Value == kind).Key;

    /// <summary>The kind named <paramref name="name"/> (exact), if it is one.</summary>
    public static bool TryParse(string name, out AppEventKind kind) => Kinds.TryGetValue(name, out kind);
}
