using System.Text.Json;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>The whole fault state at one moment: one fault per probe, the TCP listener and the simulated dependency.</summary>
/// <param name="Liveness">Fault of the liveness probe.</param>
/// <param name="Readiness">Fault of the readiness probe.</param>
/// <param name="Startup">Fault of the startup probe.</param>
/// <param name="TcpOpen">Whether the raw TCP listener accepts connections.</param>
/// <param name="DependencyAvailable">Whether the simulated downstream dependency is up.</param>
public sealed record FaultSnapshot(ProbeFault Liveness, ProbeFault Readiness, ProbeFault Startup, bool TcpOpen, bool DependencyAvailable)
{
    /// <summary>Everything healthy.</summary>
    public static FaultSnapshot Healthy { get; } = new(ProbeFault.Healthy, ProbeFault.Healthy, ProbeFault.Healthy, TcpOpen: true, DependencyAvailable: true);

    /// <summary>The fault of <paramref name="kind"/>.</summary>
    public ProbeFault For(ProbeKind kind) => kind switch
    {
        ProbeKind.Liveness => Liveness,
        ProbeKind.Readiness => Readiness,
        ProbeKind.Startup => Startup,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A copy with <paramref name="kind"/>'s fault replaced.</summary>
    public FaultSnapshot With(ProbeKind kind, ProbeFault fault) => kind switch
    {
        ProbeKind.Liveness => this with { Liveness = fault },
        ProbeKind.Readiness => this with { Readiness = fault },
        ProbeKind.Startup => this with { Startup = fault },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Writes the snapshot's fields (liveness, readiness, startup, tcp, dependency) into the current JSON object.</summary>
    public void WriteFieldsTo(Utf8JsonWriter json, DateTimeOffset now)
    {
        foreach (var kind in ProbeKindNames.All)
        {
            json.WritePropertyName(kind.Name());
            For(kind).WriteTo(json, now);
        }

        json.WriteStartObject("tcp");
        json.WriteBoolean("open", TcpOpen);
        json.WriteEndObject();
        json.WriteStartObject("dependency");
        json.WriteBoolean("available", DependencyAvailable);
        json.WriteEndObject();
    }
}
