using System.Globalization;
using System.Net;
using System.Text.Json;
using ProbeHarness.Emulated.Processes;

namespace ProbeHarness.Emulated.Network;

/// <summary>Hands out pod IPs: loopback addresses 127.S.y.z in a /16 that this run claims, so parallel runs never share an address.</summary>
/// <remarks>Linux routes all of 127.0.0.0/8 to <c>lo</c>, so any such address can be bound without configuration. 127.0/16 (127.0.0.1, 127.0.0.53) is never used.</remarks>
public sealed class LoopbackAddressPool : IDisposable
{
    private const int FirstSubnet = 16;
    private const int SubnetCount = 224;

    private readonly HashSet<string> _allocated = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly string _claimFile;
    private int _next;

    /// <summary>Claims a free /16 by creating a claim file in <paramref name="claimsDirectory"/> (claims of dead runs are taken over).</summary>
    public LoopbackAddressPool(string claimsDirectory)
    {
        Directory.CreateDirectory(claimsDirectory);
        var owner = JsonSerializer.Serialize(RunOwner.Current(), EmulatedJson.Default.RunOwner);
        var start = Environment.ProcessId % SubnetCount;
        for (var i = 0; i < SubnetCount; i++)
        {
            var subnet = FirstSubnet + ((start + i) % SubnetCount);
            var claim = Path.Combine(claimsDirectory, $"127.{subnet}.lock");
            if (TryClaim(claim, owner))
            {
                SecondOctet = subnet;
                _claimFile = claim;
                return;
            }
        }

        throw new InvalidOperationException($"every loopback /16 from 127.{FirstSubnet}.0.0 on is claimed by a live run (see {claimsDirectory})");
    }

    /// <summary>
    /// Deletes the claim files in <paramref name="claimsDirectory"/> whose run is gone (stopped, killed, or debris older
    /// than a minute), so claims of stopped runs do not pile up; returns how many it removed.
    /// </summary>
    public static int SweepStaleClaims(string claimsDirectory)
    {
        if (!Directory.Exists(claimsDirectory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var claim in Directory.EnumerateFiles(claimsDirectory, "127.*.lock"))
        {
            if (!IsStale(claim))
            {
                continue;
            }

            try
            {
                File.Delete(claim);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run's sweep or claim got there first: the next sweep retries.
            }
        }

        return removed;
    }

    /// <summary>The second octet of this run's 127.S.0.0/16.</summary>
    public int SecondOctet { get; }

    /// <summary>This run's subnet, e.g. <c>127.42.0.0/16</c>.</summary>
    public string Subnet => $"127.{SecondOctet}.0.0/16";

    /// <summary>A fresh address that no pod of this run holds and no socket on the host is bound to.</summary>
    public string Allocate()
    {
        lock (_gate)
        {
            var inUse = BoundAddresses();
            for (var i = 0; i < 256 * 254; i++)
            {
                var index = (_next + i) % (256 * 254);
                var address = $"127.{SecondOctet}.{index / 254}.{(index % 254) + 1}";
                if (!_allocated.Contains(address) && !inUse.Contains(address))
                {
                    _next = index + 1;
                    _allocated.Add(address);
                    return address;
                }
            }
        }

        throw new InvalidOperationException($"the loopback subnet {Subnet} has no free address left");
    }

    /// <summary>Returns an address to the pool (it is handed out again only after the rest of the subnet).</summary>
    public void Release(string address)
    {
        lock (_gate)
        {
            _allocated.Remove(address);
        }
    }

    /// <summary>Gives up the claim on the subnet.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_claimFile);
        }
        catch (IOException)
        {
            // Already gone.
        }
    }

    private static bool TryClaim(string claimFile, string owner)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var stream = new FileStream(claimFile, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(owner);
                return true;
            }
            catch (IOException) when (File.Exists(claimFile))
            {
                if (!IsStale(claimFile))
                {
                    return false;
                }

                File.Delete(claimFile);
            }
        }

        return false;
    }

    private static bool IsStale(string claimFile)
    {
        try
        {
            var owner = JsonSerializer.Deserialize(File.ReadAllText(claimFile), EmulatedJson.Default.RunOwner);
            return owner is null || !owner.IsAlive;
        }
        catch (JsonException)
        {
            // Half-written by a run that is starting right now, or debris: stale only when old.
            return File.GetLastWriteTimeUtc(claimFile) < DateTime.UtcNow.AddMinutes(-1);
        }
        catch (IOException)
        {
            return false;
        }
    }

    // Local IPv4 addresses of every TCP socket on the host (/proc/net/tcp holds them as little-endian hex).
    private static HashSet<string> BoundAddresses()
    {
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            var local = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            var raw = uint.Parse(local.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            addresses.Add(new IPAddress(raw).ToString());
        }

        return addresses;
    }
}
