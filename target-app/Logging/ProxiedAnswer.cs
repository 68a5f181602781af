namespace ProbeHarness.TargetApp.Logging;

/// <summary>How a proxied probe ended as its client (the kubelet) saw it, for the <c>probe-answered</c>/<c>grpc-answered</c> event lines.</summary>
/// <param name="Outcome"><c>answered</c>; HTTP: <c>refused</c>, <c>reset</c> (the app's connection failed, the client's was aborted); gRPC: <c>failed</c> (an RPC status); both: <c>aborted</c> (the client or the stop came first).</param>
/// <param name="Healthy">Whether the kubelet counts the answer a success.</param>
/// <param name="UpstreamMs">Milliseconds spent waiting on the app; null when the fault answered without forwarding.</param>
/// <param name="Status">HTTP status answered.</param>
/// <param name="SendingAt">When the proxy began writing the answer.</param>
/// <param name="AbortedBy"><c>client</c>, <c>shutdown</c> or <c>app</c> (the proxy aborted the client's connection because the app's failed); null when answered.</param>
/// <param name="ServingStatus">gRPC serving status answered (<c>SERVING</c>, <c>NOT_SERVING</c>, …).</param>
/// <param name="GrpcStatus">gRPC status code of a failed call (<c>Unavailable</c>, …).</param>
public sealed record ProxiedAnswer(
    string Outcome, bool Healthy, double? UpstreamMs, int? Status = null, DateTimeOffset? SendingAt = null, string? AbortedBy = null,
    string? ServingStatus = null, string? GrpcStatus = null)
{
    /// <summary>Whether the client got an answer (an HTTP status, a serving status or an RPC status).</summary>
    public bool Answered => AbortedBy is null;
}
