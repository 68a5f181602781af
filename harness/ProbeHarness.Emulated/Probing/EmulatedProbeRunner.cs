using k8s.Models;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Probing;

/// <summary>Runs single probe attempts the way the kubelet's prober does (§1.9): HTTP, TCP, exec and gRPC, with Go's result texts.</summary>
public sealed partial class EmulatedProbeRunner : IProbeRunner, IDisposable
{
    private const int BodyLimit = 10 * 1024;

    private readonly TimeProvider _time;

    // Selects the version-dependent result texts (the redirect warning).
    private readonly KubeletProfile _profile;

    /// <summary>Creates a runner that identifies itself as the kubelet version in <paramref name="options"/>.</summary>
    public EmulatedProbeRunner(KubeletOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? TimeProvider.System;
        UserAgent = options.ProbeUserAgent;
        _profile = options.Profile;
        _http = CreateHttpInvoker();
    }

    /// <summary>The <c>User-Agent</c> HTTP and gRPC probes send, e.g. <c>kube-probe/1.32</c>.</summary>
    public string UserAgent { get; }

    /// <inheritdoc />
    public Task<ProbeOutcome> RunAsync(V1Probe probe, ProbeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(target);
        var timeout = TimeSpan.FromSeconds(probe.TimeoutSeconds is > 0 ? probe.TimeoutSeconds.Value : 1);
        return probe switch
        {
            { Exec: { } exec } => ExecAsync(exec, target, timeout, cancellationToken),
            { HttpGet: { } httpGet } => HttpGetAsync(httpGet, target, timeout, cancellationToken),
            { TcpSocket: { } tcpSocket } => TcpSocketAsync(tcpSocket, target, timeout, cancellationToken),
            { Grpc: { } grpc } => GrpcAsync(grpc, target, timeout, cancellationToken),
            _ => Task.FromResult(new ProbeOutcome(ProbeResult.Unknown, "", "missing probe handler for " + target.Container.Name)),
        };
    }

    /// <summary>Releases the HTTP handler.</summary>
    public void Dispose() => _http.Dispose();
}
