using System.Net;
using System.Net.Sockets;
using ProbeHarness.TargetApp.Proxy;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class ProcAppProcessFinderTests : IDisposable
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    private readonly string _proc = Directory.CreateTempSubdirectory("fake-proc-").FullName;

    public void Dispose() => Directory.Delete(_proc, recursive: true);

    [Fact]
    public void The_owner_of_the_listening_socket_is_found_and_the_own_process_is_skipped()
    {
        // Given: port 8080 (0x1F90) listens with inode 4242; 100 owns it, 200 (ourselves) too, 300 owns something else.
        WriteTable("tcp",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0",
            "   1: 0100007F:1F90 0100007F:C000 01 00000000:00000000 00:00000000 00000000  1000        0 5555 1 0000000000000000 20 4 30 10 -1");
        WriteTable("tcp6");
        AddProcess(100, "socket:[4242]");
        AddProcess(200, "socket:[4242]");
        AddProcess(300, "socket:[5555]", "/dev/null");
        var finder = new ProcAppProcessFinder(_proc, ownProcessId: 200);

        // When
        var search = finder.Find([8080]);

        // Then
        Assert.Equal([100], search.ProcessIds);
        Assert.Null(search.Problem);
    }

    [Fact]
    public void Only_the_app_address_and_wildcards_count_where_pods_share_one_network_namespace()
    {
        // Given: 127.0.1.2:8080 (this pod's app, inode 1), 127.0.1.3:8080 (another pod's, inode 2), 0.0.0.0:8080 (inode 3)
        WriteTable("tcp",
            "   0: 0201007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0000000000000000 100 0 0 10 0",
            "   1: 0301007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2 1 0000000000000000 100 0 0 10 0",
            "   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 3 1 0000000000000000 100 0 0 10 0");
        WriteTable("tcp6");
        AddProcess(100, "socket:[1]");
        AddProcess(101, "socket:[2]");
        AddProcess(102, "socket:[3]");
        var finder = new ProcAppProcessFinder(_proc, ownProcessId: 1, System.Net.IPAddress.Parse("127.0.1.2"));

        // When
        var search = finder.Find([8080]);

        // Then the other pod's app is never a candidate
        Assert.Equal([100, 102], search.ProcessIds);
    }

    [Theory]
    [InlineData("127.112.0.8", "127.112.0.8")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("10.244.0.7", "10.244.0.7")]
    [InlineData("localhost", null)]
    public void Every_literal_app_address_filters_the_search_loopback_ones_included(string appHost, string? expected)
    {
        // Given / When: an emulated pod's 127.x.y.z lives on the loopback every other pod shares (a CI run once killed them all)
        var address = ProcAppProcessFinder.AppAddressOf(appHost);

        // Then
        Assert.Equal(expected, address?.ToString());
    }

    [Fact]
    public void An_IPv6_listener_is_found_too()
    {
        // Given
        WriteTable("tcp");
        WriteTable("tcp6",
            "   0: 00000000000000000000000000000000:2382 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 777 1 0000000000000000 100 0 0 10 0");
        AddProcess(42, "socket:[777]");
        var finder = new ProcAppProcessFinder(_proc, ownProcessId: 1);

        // When
        var search = finder.Find([9090]);

        // Then
        Assert.Equal([42], search.ProcessIds);
    }

    [Fact]
    public void No_listening_socket_says_the_port_is_not_listened_on()
    {
        // Given
        WriteTable("tcp");
        WriteTable("tcp6");
        var finder = new ProcAppProcessFinder(_proc, ownProcessId: 1);

        // When
        var search = finder.Find([8080, 8081]);

        // Then
        Assert.False(search.Found);
        Assert.Contains("no socket listens on port 8080, 8081", search.Problem);
        Assert.Contains("PROXY_SIGNAL_PORTS", search.Problem);
    }

    [Fact]
    public void A_socket_without_a_visible_owner_names_shareProcessNamespace_and_SYS_PTRACE()
    {
        // Given
        WriteTable("tcp",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0");
        AddProcess(100, "/dev/null");
        var finder = new ProcAppProcessFinder(_proc, ownProcessId: 1);

        // When
        var search = finder.Find([8080]);

        // Then
        Assert.False(search.Found);
        Assert.Contains("shareProcessNamespace: true", search.Problem);
        Assert.Contains("SYS_PTRACE", search.Problem);
    }

    [Fact]
    public void The_real_proc_names_this_process_as_the_owner_of_its_own_listener()
    {
        // Given
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            // When
            var asStranger = new ProcAppProcessFinder("/proc", ownProcessId: -1).Find([port]);
            var asItself = new ProcAppProcessFinder("/proc", ownProcessId: Environment.ProcessId).Find([port]);

            // Then
            Assert.Equal([Environment.ProcessId], asStranger.ProcessIds);
            Assert.False(asItself.Found);
        }
        finally
        {
            listener.Stop();
        }
    }

    private void WriteTable(string name, params string[] lines)
    {
        Directory.CreateDirectory(Path.Combine(_proc, "net"));
        File.WriteAllLines(Path.Combine(_proc, "net", name), [Header, .. lines]);
    }

    private void AddProcess(int processId, params string[] descriptorTargets)
    {
        var fd = Directory.CreateDirectory(Path.Combine(_proc, processId.ToString(), "fd")).FullName;
        for (var index = 0; index < descriptorTargets.Length; index++)
        {
            File.CreateSymbolicLink(Path.Combine(fd, index.ToString()), descriptorTargets[index]);
        }
    }
}
