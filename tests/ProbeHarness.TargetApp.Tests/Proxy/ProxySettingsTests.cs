using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Proxy;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class ProxySettingsTests
{
    [Fact]
    public void Without_PROXY_ROUTES_it_is_the_normal_target_app()
    {
        // Given
        var environment = new Dictionary<string, string>();

        // When
        var settings = Read(environment);

        // Then
        Assert.Null(settings.Proxy);
    }

    [Fact]
    public void Routes_are_read_in_order_and_the_signal_ports_default_to_the_app_ports()
    {
        // Given
        var environment = new Dictionary<string, string>
        {
            ["PROXY_ROUTES"] = "liveness:http:15081:8080, readiness:HTTP:15082:8080,startup:tcp:15083:8081",
        };

        // When
        var proxy = Read(environment).Proxy!;

        // Then
        Assert.Equal(
            [
                new ProxyRoute(ProbeKind.Liveness, ProxyProtocol.Http, 15081, 8080),
                new ProxyRoute(ProbeKind.Readiness, ProxyProtocol.Http, 15082, 8080),
                new ProxyRoute(ProbeKind.Startup, ProxyProtocol.Tcp, 15083, 8081),
            ],
            proxy.Routes);
        Assert.Equal([8080, 8081], proxy.SignalPorts);
        Assert.Equal("127.0.0.1", proxy.AppHost);
    }

    [Theory]
    [InlineData(null, null, "127.0.0.1")]
    [InlineData("0.0.0.0", null, "127.0.0.1")]
    [InlineData("::", null, "127.0.0.1")]
    [InlineData("127.0.3.7", null, "127.0.3.7")]
    [InlineData("127.0.3.7", "localhost", "localhost")]
    public void The_app_host_follows_a_specific_BIND_ADDRESS_unless_PROXY_APP_HOST_says_otherwise(string? bind, string? appHost, string expected)
    {
        // Given
        var environment = new Dictionary<string, string> { ["PROXY_ROUTES"] = "liveness:grpc:15081:9090" };
        if (bind is not null)
        {
            environment["BIND_ADDRESS"] = bind;
        }

        if (appHost is not null)
        {
            environment["PROXY_APP_HOST"] = appHost;
        }

        // When
        var proxy = Read(environment).Proxy!;

        // Then
        Assert.Equal(expected, proxy.AppHost);
    }

    [Fact]
    public void PROXY_SIGNAL_PORTS_overrides_the_ports_that_identify_the_app()
    {
        // Given
        var environment = new Dictionary<string, string> { ["PROXY_ROUTES"] = "liveness:http:15081:8080", ["PROXY_SIGNAL_PORTS"] = "3000, 3001" };

        // When
        var proxy = Read(environment).Proxy!;

        // Then
        Assert.Equal([3000, 3001], proxy.SignalPorts);
    }

    [Theory]
    [InlineData("liveness:http:15081:8080,readiness:ftp:15082:8080", "PROXY_ROUTES: entry 2 'readiness:ftp:15082:8080': 'ftp' is not a protocol (http, tcp, grpc)")]
    [InlineData("livenes:http:15081:8080", "PROXY_ROUTES: entry 1 'livenes:http:15081:8080': 'livenes' is not a probe (liveness, readiness, startup)")]
    [InlineData("liveness:http:15081", "PROXY_ROUTES: entry 1 'liveness:http:15081': expected <probe>:<protocol>:<listenPort>:<appPort>, e.g. liveness:http:15081:8080")]
    [InlineData("liveness:http:15081:8080,", "PROXY_ROUTES: entry 2 '': expected <probe>:<protocol>:<listenPort>:<appPort>, e.g. liveness:http:15081:8080")]
    [InlineData("liveness:http:0:8080", "PROXY_ROUTES: entry 1 'liveness:http:0:8080': '0' is not a listen port number (1-65535)")]
    [InlineData("liveness:http:15081:80800", "PROXY_ROUTES: entry 1 'liveness:http:15081:80800': '80800' is not an app port number (1-65535)")]
    [InlineData("liveness:http:15081:8080,liveness:tcp:15082:8081", "PROXY_ROUTES: entry 2 'liveness:tcp:15082:8081': probe liveness is already routed by entry 1 (each probe kind at most once)")]
    [InlineData("liveness:http:15081:8080,readiness:http:15081:8080", "PROXY_ROUTES: entry 2 'readiness:http:15081:8080': listen port 15081 is already used by entry 1")]
    [InlineData("liveness:http:15080:8080", "PROXY_ROUTES: entry 1 'liveness:http:15080:8080': listen port 15080 is PORT, the fault API's port")]
    [InlineData("liveness:http:8080:8080", "PROXY_ROUTES: entry 1 'liveness:http:8080:8080': listen port 8080 on 0.0.0.0 is the app port on 127.0.0.1: the proxy would forward to itself")]
    public void A_bad_route_names_the_variable_and_the_entry(string routes, string message)
    {
        // Given
        var environment = new Dictionary<string, string> { ["PORT"] = "15080", ["PROXY_ROUTES"] = routes };

        // When
        var error = Assert.Throws<SettingsException>(() => Read(environment));

        // Then
        Assert.Equal("PROXY_ROUTES", error.Variable);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("PROXY_APP_HOST", "not a host")]
    [InlineData("PROXY_SIGNAL_PORTS", "8080,http")]
    public void A_bad_proxy_variable_names_itself(string variable, string value)
    {
        // Given
        var environment = new Dictionary<string, string> { ["PROXY_ROUTES"] = "liveness:http:15081:8080", [variable] = value };

        // When
        var error = Assert.Throws<SettingsException>(() => Read(environment));

        // Then
        Assert.Equal(variable, error.Variable);
    }

    [Fact]
    public void PROXY_APP_HOST_without_PROXY_ROUTES_is_an_error()
    {
        // Given
        var environment = new Dictionary<string, string> { ["PROXY_APP_HOST"] = "127.0.0.1" };

        // When
        var error = Assert.Throws<SettingsException>(() => Read(environment));

        // Then
        Assert.Equal("PROXY_APP_HOST: needs PROXY_ROUTES or PROXY_EXEC_FAULT_DIR: it only applies in proxy mode", error.Message);
    }

    [Fact]
    public async Task A_bad_PROXY_ROUTES_stops_the_process_with_exit_code_2_and_the_message()
    {
        // Given
        var environment = new Dictionary<string, string> { ["PROXY_ROUTES"] = "liveness:http:15081:8080,readiness:ftp:15082:8080" };
        var error = new LineCollector();

        // When
        var exitCode = await TargetAppRunner.RunAsync(name => environment.GetValueOrDefault(name), TimeProvider.System, new LineCollector(), error);

        // Then
        Assert.Equal(2, exitCode);
        Assert.Equal(["target-app: PROXY_ROUTES: entry 2 'readiness:ftp:15082:8080': 'ftp' is not a protocol (http, tcp, grpc)"], error.Lines);
    }

    private static TargetAppSettings Read(Dictionary<string, string> environment) => TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
}
