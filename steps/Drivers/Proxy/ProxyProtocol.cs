namespace ProbeHarness.Steps.Drivers.Proxy;

/// <summary>How a probe reaches the app, and so how the probe fault proxy forwards it.</summary>
public enum ProxyProtocol
{
    /// <summary>An httpGet probe: the request is forwarded and the answer returned as it is.</summary>
    Http,

    /// <summary>A tcpSocket probe: the proxy's port is open while the app's is.</summary>
    Tcp,

    /// <summary>A gRPC probe: <c>grpc.health.v1.Health/Check</c> is forwarded.</summary>
    Grpc,
}
