using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Drivers.Proxy;

namespace ProbeHarness.Steps.Drivers;

/// <summary>A user's own workload as the scenario's subject, with the probe fault proxy beside each probed container.</summary>
public sealed partial class WorkloadDriver
{
    // A pull on a slow cluster; the image check gives up after this, naming the state it saw.
    private static readonly TimeSpan ImageCheckWithin = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, MeasuredInstant> _deletions = [];
    private int _appContainerIndex;
    private V1Container? _proxyTemplate;
    private ProxiedWorkload? _proxied;
    private IReadOnlyList<ProbeSettings> _manifestProbes = [];

    /// <summary>When the scenario deleted each pod (the kubelet sends SIGTERM right after), by pod name.</summary>
    public IReadOnlyDictionary<string, MeasuredInstant> Deletions => _deletions;

    /// <summary>The own workload's manifest and its probes as the manifest states them, or null for the target app.</summary>
    public (string File, IReadOnlyList<ProbeSettings> Probes)? Manifest =>
        IsOwnWorkload ? (_workload.Source?.File ?? "the workload", _manifestProbes) : null;

    /// <summary>True when the scenario tests the user's own workload instead of the target app.</summary>
    public bool IsOwnWorkload => _proxyTemplate is not null;

    /// <summary>The proxies of the deployed own workload (empty before the deployment, and for the target app).</summary>
    public IReadOnlyList<ProxyAttachment> Proxies => _proxied?.Proxies ?? [];

    /// <summary>
    /// Makes the manifest at <paramref name="path"/> (relative to the folder of <paramref name="featureFile"/>, else to the repository
    /// root) the scenario's workload; it is checked for what the proxy needs at once, so bad input fails before anything is deployed.
    /// </summary>
    public void UseWorkloadFile(string path, string featureFile)
    {
        EnsureNotDeployed();
        if (IsOwnWorkload)
        {
            throw new ScenarioInputException($"the scenario already tests the workload in \"{_workload.Source?.File}\"; a scenario tests one workload.");
        }

        var file = Resolve(path, featureFile);
        var workload = WorkloadManifest.LoadFile(file);
        var template = Container;
        ProbeProxy.Attach(workload, template);
        var containers = workload.Deployment.Spec.Template.Spec.Containers;
        var probed = containers.ToList().FindIndex(c => c.LivenessProbe is not null || c.ReadinessProbe is not null || c.StartupProbe is not null);
        _workload = workload;
        _proxyTemplate = template;
        _appContainerIndex = Math.Max(probed, 0);
        _manifestProbes = [.. ProbeSettings()];
        log.Write($"workload: {DeploymentName} from {file} (app container \"{ContainerName}\", image {Container.Image})");
    }

    /// <summary>The port the fault API of container <paramref name="container"/> (null: the app's) answers on: the target app's own, or its proxy's.</summary>
    public int FaultApiPortOf(string? container) =>
        IsOwnWorkload ? ProxyOf(container).FaultApiPort : HttpPortOf(container);

    /// <summary>The container whose log holds the probe answers of container <paramref name="container"/> (null: the app's): itself, or its proxy.</summary>
    public string ProbeLogContainerOf(string? container) =>
        IsOwnWorkload ? ProxyOf(container).ProxyContainer : ContainerNamed(container).Name;

    /// <summary>Refuses a setting that only the target app understands when the scenario tests the user's own app.</summary>
    public void RequireTargetApp(string what)
    {
        if (IsOwnWorkload)
        {
            throw new ScenarioInputException(
                $"{what} is a setting of the harness's target app; this scenario tests the workload in \"{_workload.Source?.File}\", whose app does not read it.");
        }
    }

    // At deployment: the proxy beside each probed container, after the scenario's own probe settings were applied.
    private void AttachProxies()
    {
        if (_proxyTemplate is null)
        {
            return;
        }

        _proxied = ProbeProxy.Attach(_workload, _proxyTemplate);
        _workload = _proxied.Workload;
        foreach (var proxy in _proxied.Proxies)
        {
            log.Write($"probe fault proxy \"{proxy.ProxyContainer}\" beside \"{proxy.AppContainer}\": fault API on {proxy.FaultApiPort}, routes {string.Join(", ", proxy.Routes)}");
        }

        foreach (var limit in _proxied.Limits)
        {
            log.Write($"probe fault proxy: {limit}");
        }
    }

    // Before the Deployment: each app container's image can run here, with /bin/sh where exec probes go through the shim; a
    // short-lived pod finds out, since neither a registry nor an image's files can be asked directly.
    private async Task CheckOwnImagesAsync(CancellationToken cancellationToken)
    {
        if (_proxied is null)
        {
            return;
        }

        var containers = _workload.Deployment.Spec.Template.Spec.Containers;
        var errors = new List<string>();
        var proxies = _proxied.Proxies.Select(p => p.ProxyContainer).ToHashSet(StringComparer.Ordinal);
        foreach (var (container, i) in containers.Select((c, i) => (c, i)).Where(x => !proxies.Contains(x.c.Name)))
        {
            var shimmed = Enum.GetValues<ProbeKind>().Where(k => ProbeDescription.Of(container, k) is { } p && ProbeProxy.ShimmedKindOf(p) is not null).ToList();
            var started = clock.Now;
            var check = await cluster.Namespace.CheckImageAsync(container.Image, container.ImagePullPolicy, shimmed.Count > 0, ImageCheckWithin, cancellationToken);
            log.Write($"image {container.Image}: {(check.Usable ? "runs here" : check.Problem)}{(shimmed.Count > 0 && check.Usable ? ", with /bin/sh for the exec probe shim" : string.Empty)} ({(clock.Now - started).TotalSeconds:0.0} s)");
            if (check.Usable)
            {
                continue;
            }

            errors.Add(check.NoShell
                ? string.Join("; ", shimmed.Select(k => $"spec.template.spec.containers[{i}].{k.ToString().ToLowerInvariant()}Probe.exec: the image {container.Image} has no /bin/sh, which the probe fault proxy's exec shim runs ({check.Problem})"))
                : $"spec.template.spec.containers[{i}].image: {container.Image} cannot run on this cluster: {check.Problem}; build or load it where the cluster finds it (docker build, HARNESS_LOAD_IMAGES, a registry it can pull from)");
        }

        if (errors.Count > 0)
        {
            var document = _workload.Source?.Deployment;
            throw new ManifestException(
                _workload.Source?.File ?? "the workload",
                document?.Line,
                null,
                $"{(document is null ? "Deployment " + DeploymentName : $"{document.Kind} {document.Name}")} cannot be deployed: {string.Join("; ", errors)}");
        }
    }

    private ProxyAttachment ProxyOf(string? container)
    {
        var name = ContainerNamed(container).Name;
        if (_proxied is null)
        {
            throw new InvalidOperationException("the own workload's proxies are attached when it is deployed; a fault comes after 'the target app is deployed'.");
        }

        return _proxied.Proxies.FirstOrDefault(p => p.AppContainer == name) ?? throw new ScenarioInputException(
            $"container \"{name}\" has no httpGet, tcpSocket or gRPC probe, so no probe fault proxy stands beside it; faults reach only: "
            + string.Join(", ", _proxied.Proxies.Select(p => $"\"{p.AppContainer}\"")) + ".");
    }

    private static string Resolve(string path, string featureFile)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ScenarioInputException("the workload's manifest path is empty; name a YAML file, e.g. \"deploy/my-app.yaml\".");
        }

        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : throw new ScenarioInputException($"the workload manifest \"{path}\" does not exist.");
        }

        var besideFeature = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Path.GetDirectoryName(featureFile) ?? string.Empty, path));
        var fromRoot = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, path));
        return File.Exists(besideFeature) ? besideFeature
            : File.Exists(fromRoot) ? fromRoot
            : throw new ScenarioInputException(
                $"the workload manifest \"{path}\" was found neither beside the feature file ({besideFeature}) nor under the repository root ({fromRoot}).");
    }
}
