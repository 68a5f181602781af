using System.Diagnostics;
using System.Globalization;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class ProxyLatencyBenchmarkTests(ProxiedTargetApp shared) : IClassFixture<ProxiedTargetApp>
{
    private const int Probes = 2000;
    private const int WarmUp = 100;

    [Fact]
    public async Task Proxied_probes_are_measured_against_direct_ones()
    {
        // Given: direct and proxied probes taken in turn, so drift on a shared machine hits both alike; kubelet-like
        // probes (a fresh connection each, which the proxy forwards as such) and keep-alive ones (pooled on both legs).
        await shared.ResetAsync();
        var token = TestContext.Current.CancellationToken;
        using var fresh = new ProbeClient();
        using var pooled = new ProbeClient(freshConnections: false);

        // When
        var (freshDirect, freshProxied) = await MeasureAsync(fresh, token);
        var (pooledDirect, pooledProxied) = await MeasureAsync(pooled, token);

        // Then: only that everything was measured; the figures are for reading, not for judging on a shared machine.
        var report = Report("fresh connection per probe (as the kubelet)", freshDirect, freshProxied)
            + Report("keep-alive connections (pooled to the app)", pooledDirect, pooledProxied);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "proxy-latency.txt"), report);
        Assert.All(new[] { freshDirect, freshProxied, pooledDirect, pooledProxied }, figures => Assert.Equal(Probes, figures.Count));
    }

    private async Task<(List<double> Direct, List<double> Proxied)> MeasureAsync(ProbeClient probes, CancellationToken token)
    {
        for (var index = 0; index < WarmUp; index++)
        {
            await TimeAsync(probes, shared.App.HttpPort, token);
            await TimeAsync(probes, shared.HttpRoutePort, token);
        }

        var direct = new List<double>(Probes);
        var proxied = new List<double>(Probes);
        for (var index = 0; index < Probes; index++)
        {
            direct.Add(await TimeAsync(probes, shared.App.HttpPort, token));
            proxied.Add(await TimeAsync(probes, shared.HttpRoutePort, token));
        }

        return (direct, proxied);
    }

    private static async Task<double> TimeAsync(ProbeClient probes, int port, CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await probes.GetAsync(port, "/healthz", token);
        await response.Content.ReadAsStringAsync(token);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.Equal(200, (int)response.StatusCode);
        return elapsed;
    }

    private static string Report(string connections, List<double> direct, List<double> proxied)
    {
        var lines = new List<string>
        {
            $"proxy latency, {Probes} GET /healthz probes each, {connections}, loopback, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}",
            "percentile  direct ms  proxied ms  added ms",
        };
        foreach (var percentile in new[] { 50, 95, 99 })
        {
            var a = Percentile(direct, percentile);
            var b = Percentile(proxied, percentile);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"p{percentile,-10} {a,9:0.000}  {b,10:0.000}  {b - a,8:0.000}"));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
