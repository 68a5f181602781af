namespace ProbeHarness.TargetApp.Logging;

/// <summary>Where a <c>fault-applied</c> event's change came from: a fault API request, or the initial faults at start.</summary>
/// <param name="Source"><c>api</c>, <c>FAULTS_AT_START</c> or <c>FAULT_STATE_DIR</c>.</param>
/// <param name="Method">The request's HTTP method; null at start.</param>
/// <param name="Path">The request's path; null at start.</param>
public sealed record FaultRequest(string Source, string? Method, string? Path)
{
    /// <summary>A change made by a fault API request.</summary>
    public static FaultRequest Api(HttpContext context) => new("api", context.Request.Method, context.Request.Path.Value);

    /// <summary>The faults a process starts with, named by where they came from.</summary>
    public static FaultRequest AtStart(string source) => new(source, null, null);
}
