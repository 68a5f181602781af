using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ProbeHarness.Kubernetes.K3s;

/// <summary>The K3s server's settings that keep its certificate valid for whatever address Testcontainers reports.</summary>
/// <remarks>
/// Testcontainers reports a tcp DOCKER_HOST's host, TESTCONTAINERS_HOST_OVERRIDE, or — inside a CI container — the bridge gateway.
/// Hosts known before the start go into <c>--tls-san</c>; the kubeconfig also pins <c>tls-server-name</c> to a name K3s's
/// certificate always has, which covers the gateway case that is only known after the start.
/// </remarks>
public static partial class K3sClusterSettings
{
    /// <summary>A name every K3s serving certificate carries.</summary>
    public const string TlsServerName = "kubernetes";

    /// <summary>The label marking the harness's K3s containers.</summary>
    public const string RoleLabel = "probe-harness/role";

    /// <summary>The value of <see cref="RoleLabel"/> on a K3s container.</summary>
    public const string K3sRole = "k3s";

    /// <summary>The host Testcontainers will report for the container, when it is known before the start; null for loopback.</summary>
    /// <param name="hostOverride"><c>TESTCONTAINERS_HOST_OVERRIDE</c>, as Testcontainers read it.</param>
    /// <param name="dockerEndpoint">The Docker endpoint Testcontainers uses.</param>
    public static string? ReportedHost(string? hostOverride, Uri? dockerEndpoint)
    {
        if (!string.IsNullOrWhiteSpace(hostOverride))
        {
            return hostOverride.Trim();
        }

        return dockerEndpoint?.Scheme is "tcp" or "http" or "https" ? dockerEndpoint.Host : null;
    }

    /// <summary>Extra <c>k3s server</c> arguments: <c>--tls-san=&lt;host&gt;</c> when the reported host is not loopback.</summary>
    public static IReadOnlyList<string> ServerArguments(string? reportedHost)
    {
        if (string.IsNullOrWhiteSpace(reportedHost) || reportedHost == "localhost"
            || (IPAddress.TryParse(reportedHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))
        {
            return [];
        }

        return [$"--tls-san={reportedHost}"];
    }

    /// <summary>The first Kubernetes minor whose kubelet has <c>--fail-cgroupv1</c> (v1.31); from v1.35 on it defaults to true.</summary>
    public static readonly Version FailCgroupV1Since = new(1, 31);

    /// <summary>
    /// <c>--kubelet-arg=fail-cgroupv1=false</c> when Docker runs on cgroup v1 and the image's tag names a K3s whose kubelet has the
    /// flag: from v1.35 its kubelet refuses a cgroup v1 host unless told otherwise, and older ones would reject the unknown flag.
    /// </summary>
    /// <param name="image">The K3s image reference, e.g. <c>rancher/k3s:v1.35.3-k3s1</c>.</param>
    /// <param name="cgroupVersion">Docker's cgroup version ("1" or "2"), or null when unknown.</param>
    public static IReadOnlyList<string> KubeletArguments(string image, string? cgroupVersion) =>
        cgroupVersion == "1" && TagVersion(image) is { } version && version >= FailCgroupV1Since ? ["--kubelet-arg=fail-cgroupv1=false"] : [];

    /// <summary>The Kubernetes minor a K3s image's tag names (<c>v1.35.3-k3s1</c> → 1.35), or null for a tag that names none.</summary>
    public static Version? TagVersion(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        var match = colon > slash ? TagMinor().Match(image[(colon + 1)..]) : Match.Empty;
        return match.Success ? new Version(int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>The kubeconfig with <c>tls-server-name: kubernetes</c> added to its cluster, so TLS checks that name whatever the server address is.</summary>
    /// <exception cref="InvalidDataException">The kubeconfig has no <c>server:</c> line.</exception>
    public static string PinTlsServerName(string kubeconfig)
    {
        if (TlsServerNameLine().IsMatch(kubeconfig))
        {
            return kubeconfig;
        }

        var server = ServerLine().Match(kubeconfig);
        if (!server.Success)
        {
            throw new InvalidDataException("The K3s kubeconfig has no 'server:' line.");
        }

        var indent = server.Groups["indent"].Value;
        return kubeconfig.Insert(server.Index + server.Length, $"\n{indent}tls-server-name: {TlsServerName}");
    }

    [GeneratedRegex(@"^(?<indent>[ \t]+)server:[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"^[ \t]+tls-server-name:", RegexOptions.Multiline)]
    private static partial Regex TlsServerNameLine();

    [GeneratedRegex(@"^v(?<major>\d+)\.(?<minor>\d+)(\.|$|-)")]
    private static partial Regex TagMinor();
}
