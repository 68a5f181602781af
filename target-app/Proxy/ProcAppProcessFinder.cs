using System.Globalization;
using System.Net;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>Finds the app through <c>/proc</c>: LISTEN sockets (state 0A) of <c>net/tcp</c> and <c>net/tcp6</c> on the ports, then the processes whose <c>fd/*</c> link to <c>socket:[inode]</c>.</summary>
/// <remarks>
/// <c>net/tcp</c> is this network namespace's (the pod's), so the app's sockets are there; the owners are only visible
/// with a shared process namespace, and another user's <c>fd</c> directory only to root with SYS_PTRACE.
/// </remarks>
public sealed class ProcAppProcessFinder : IAppProcessFinder
{
    private const string ListenState = "0A";
    private const string NamespaceFix = "the sidecar must share the app's process namespace (shareProcessNamespace: true in the pod spec)";
    private const string PermissionFix = "run the sidecar as root with the SYS_PTRACE capability (securityContext: runAsUser: 0, capabilities: add: [SYS_PTRACE]) to read other users' /proc/<pid>/fd";

    private readonly string _procRoot;
    private readonly int _ownProcessId;
    private readonly IPAddress? _appAddress;

    /// <summary>
    /// Creates the finder over <paramref name="procRoot"/> (normally <c>/proc</c>), never answering <paramref name="ownProcessId"/>; with
    /// <paramref name="appAddress"/>, only sockets bound to it or to a wildcard count.
    /// </summary>
    public ProcAppProcessFinder(string procRoot, int ownProcessId, IPAddress? appAddress = null)
    {
        _procRoot = procRoot;
        _ownProcessId = ownProcessId;
        _appAddress = appAddress;
    }

    /// <summary>
    /// The finder of this process over the real <c>/proc</c>, for the app reached at <paramref name="appHost"/>: where pods share one network
    /// namespace (the emulated backend gives each its own 127.x.y.z), another pod's app listens on the same port and must never be signalled.
    /// </summary>
    public static ProcAppProcessFinder For(string appHost) => new("/proc", Environment.ProcessId, AppAddressOf(appHost));

    /// <summary>
    /// The address the app's sockets must be bound to (or a wildcard) to count, or null to take any: every literal address counts, loopback
    /// ones too (the emulated backend's pods are 127.x.y.z on one shared loopback), and only a host name leaves the search unfiltered.
    /// </summary>
    public static IPAddress? AppAddressOf(string appHost) => IPAddress.TryParse(appHost, out var address) ? address : null;

    /// <inheritdoc />
    public AppProcessSearch Find(IReadOnlyList<int> ports)
    {
        var portList = string.Join(", ", ports);
        var inodes = ListeningInodes(ports);
        if (inodes.Count == 0)
        {
            return AppProcessSearch.Failed(
                $"no socket listens on port {portList} (none in {_procRoot}/net/tcp or {_procRoot}/net/tcp6): the app is not listening (yet), or PROXY_SIGNAL_PORTS should name a port it listens on");
        }

        var owners = new SortedSet<int>();
        var unreadable = 0;
        foreach (var processDirectory in ProcessDirectories())
        {
            var processId = int.Parse(Path.GetFileName(processDirectory), CultureInfo.InvariantCulture);
            if (processId == _ownProcessId)
            {
                continue;
            }

            try
            {
                foreach (var descriptor in Directory.EnumerateFileSystemEntries(Path.Combine(processDirectory, "fd")))
                {
                    if (SocketInode(descriptor) is { } inode && inodes.Contains(inode))
                    {
                        owners.Add(processId);
                        break;
                    }
                }
            }
            catch (UnauthorizedAccessException)
            {
                unreadable++;
            }
            catch (IOException)
            {
                // The process ended while we looked: it is not the app we are after.
            }
        }

        if (owners.Count > 0)
        {
            return AppProcessSearch.Of(owners);
        }

        return AppProcessSearch.Failed(unreadable > 0
            ? $"a socket listens on port {portList}, but its owner is not among the readable processes ({unreadable} processes' {_procRoot}/<pid>/fd could not be read): {PermissionFix}; and {NamespaceFix}"
            : $"a socket listens on port {portList}, but no visible process owns it: {NamespaceFix}; and {PermissionFix}");
    }

    private HashSet<string> ListeningInodes(IReadOnlyList<int> ports)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            var path = Path.Combine(_procRoot, "net", table);
            if (!File.Exists(path))
            {
                continue;
            }

            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …", ports in hex.
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != ListenState)
                {
                    continue;
                }

                var local = fields[1];
                var colon = local.LastIndexOf(':');
                if (colon < 0 || !int.TryParse(local.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
                {
                    continue;
                }

                if (ports.Contains(port) && fields[9] != "0" && BoundToApp(local[..colon]))
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }

    // /proc/net/tcp{,6} write addresses as 32-bit words in host (little-endian) order.
    private bool BoundToApp(string hex)
    {
        if (_appAddress is null || hex.Length is not (8 or 32))
        {
            return true;
        }

        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        var address = new IPAddress(bytes);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(_appAddress);
    }

    private IEnumerable<string> ProcessDirectories() =>
        Directory.EnumerateDirectories(_procRoot).Where(directory => Path.GetFileName(directory).All(char.IsAsciiDigit));

    // An fd link reads "socket:[12345]" for a socket; anything else (files, pipes) is not one.
    private static string? SocketInode(string descriptor)
    {
        string? target;
        try
        {
            target = new FileInfo(descriptor).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }

        return target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && target.EndsWith(']')
            ? target["socket:[".Length..^1]
            : null;
    }
}
