namespace ProbeHarness.TargetApp.Proxy;

/// <summary>How a proxied probe reaches the app: the kubelet's three network probe kinds.</summary>
public enum ProxyProtocol
{
    /// <summary>httpGet probes (HTTP/1.1, no TLS).</summary>
    Http,

    /// <summary>tcpSocket probes: a connect, nothing sent.</summary>
    Tcp,

    /// <summary>grpc probes: <c>grpc.health.v1.Health/Check</c> over h2c.</summary>
    Grpc,
}
