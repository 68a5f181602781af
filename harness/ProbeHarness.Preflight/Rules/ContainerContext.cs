using System.Globalization;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Input;

namespace ProbeHarness.Preflight.Rules;

/// <summary>One container (or init container) of a pod spec, with its probes, their validation and a way to place findings.</summary>
public sealed class ContainerContext
{
    private readonly Dictionary<ProbeType, IReadOnlyList<ProbeFieldError>> _validation = [];

    /// <summary>Creates the context of container <paramref name="index"/> of <paramref name="template"/>'s containers (or init containers).</summary>
    public ContainerContext(PodTemplate template, V1Container container, int index, bool isInit)
    {
        Template = template ?? throw new ArgumentNullException(nameof(template));
        Container = container ?? throw new ArgumentNullException(nameof(container));
        IsInit = isInit;
        Path = string.Create(CultureInfo.InvariantCulture, $"{template.SpecPath}.{(isInit ? "initContainers" : "containers")}[{index}]");
    }

    /// <summary>The pod spec the container belongs to.</summary>
    public PodTemplate Template { get; }

    /// <summary>The container.</summary>
    public V1Container Container { get; }

    /// <summary>True for an entry of <c>initContainers</c>.</summary>
    public bool IsInit { get; }

    /// <summary>True for a restartable init container (<c>restartPolicy: Always</c>): a sidecar, which may have probes.</summary>
    public bool IsSidecar => IsInit && Container.RestartPolicy == "Always";

    /// <summary>True when the kubelet runs this container's probes: a regular container or a sidecar.</summary>
    public bool RunsProbes => !IsInit || IsSidecar;

    /// <summary>The container's field path, e.g. <c>spec.template.spec.containers[0]</c>.</summary>
    public string Path { get; }

    /// <summary>The container's name.</summary>
    public string Name => Container.Name ?? "(unnamed)";

    /// <summary>The probes the kubelet runs for this container (none for an init container that is no sidecar).</summary>
    public IEnumerable<ProbeSite> Probes
    {
        get
        {
            if (!RunsProbes)
            {
                yield break;
            }

            foreach (var type in new[] { ProbeType.Liveness, ProbeType.Readiness, ProbeType.Startup })
            {
                if (Probe(type) is { } site)
                {
                    yield return site;
                }
            }
        }
    }

    /// <summary>The probe of <paramref name="type"/> as written, or null.</summary>
    public ProbeSite? Probe(ProbeType type)
    {
        var probe = type switch
        {
            ProbeType.Liveness => Container.LivenessProbe,
            ProbeType.Readiness => Container.ReadinessProbe,
            _ => Container.StartupProbe,
        };
        return probe is null ? null : new ProbeSite(type, probe, $"{Path}.{ProbeSite.FieldName(type)}");
    }

    /// <summary>What the API server (and the kubelet's port lookup) says about <paramref name="site"/>: <see cref="ProbeSpecValidator.ValidateProbe"/>.</summary>
    public IReadOnlyList<ProbeFieldError> Validation(ProbeSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (!_validation.TryGetValue(site.Type, out var errors))
        {
            _validation[site.Type] = errors = ProbeSpecValidator.ValidateProbe(site.Probe, site.Type, Container, site.Path);
        }

        return errors;
    }

    /// <summary>True when the API server accepts <paramref name="site"/>.</summary>
    public bool IsAccepted(ProbeSite site) => Validation(site).All(error => error.Origin != FieldErrorOrigin.ApiServer);

    /// <summary>The probe with the API server's defaults applied (<see cref="ProbeDefaults.Apply"/>).</summary>
    public static V1Probe Defaulted(ProbeSite site) => ProbeDefaults.Apply((site ?? throw new ArgumentNullException(nameof(site))).Probe);

    /// <summary>A finding of <paramref name="rule"/> at <paramref name="field"/>, on the line of that field (or of its nearest written parent).</summary>
    public Finding Finding(PreflightRule rule, string field, string message, string runtime, string fix, Severity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Finding(
            rule.Id,
            severity ?? rule.DefaultSeverity,
            Template.File,
            Template.Locator.Line(field),
            field,
            Template.Workload,
            Name,
            message,
            runtime,
            fix);
    }
}
