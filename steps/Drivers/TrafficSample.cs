namespace ProbeHarness.Steps.Drivers;

/// <summary>One request sent through the Service and what came back.</summary>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Pod">The pod that answered (from the body of <c>GET /</c>), or null.</param>
/// <param name="Instance">The answering process's instance id, or null.</param>
/// <param name="Error">Why no answer came, or null.</param>
public sealed record TrafficSample(DateTimeOffset SentAt, int? Status, string? Pod, string? Instance, string? Error)
{
    /// <summary>True when the request failed: no answer, or a 5xx answer.</summary>
    public bool Failed => Status is null or >= 500;
}
