namespace OwnApp.Health;

/// <summary>The body of the health endpoints: <c>{"status":"alive"}</c>.</summary>
/// <param name="Status">alive, ready or warming up.</param>
public sealed record HealthStatus(string Status);
