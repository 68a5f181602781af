using System.Text.RegularExpressions;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.Semantics;

/// <summary>
/// Probe validation as the API server does it (<c>validateLivenessProbe</c>/<c>validateReadinessProbe</c>/<c>validateStartupProbe</c>/
/// <c>validateProbe</c>/<c>validateHandler</c> in <c>pkg/apis/core/validation/validation.go</c>), run after the defaults of
/// <see cref="ProbeDefaults"/> as the server does, so a zero period or threshold is valid (it becomes the default) and negative
/// values are rejected. It also reports, with <see cref="FieldErrorOrigin.Kubelet"/>, a named port that matches no containerPort:
/// the API server accepts it, but every attempt errors in the kubelet and is discarded.
/// </summary>
public static partial class ProbeSpecValidator
{
    private const string NegativeMessage = "must be greater than or equal to 0";

    /// <summary>Validates the probes of every container of <paramref name="spec"/>; <paramref name="fieldPath"/> is the spec's own path.</summary>
    public static IReadOnlyList<ProbeFieldError> Validate(V1PodSpec spec, string fieldPath = "spec")
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ProbeFieldError>();
        var containers = spec.Containers ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var path = $"{fieldPath}.containers[{i}]";
            errors.AddRange(ValidateProbe(container.LivenessProbe, ProbeType.Liveness, container, $"{path}.livenessProbe"));
            errors.AddRange(ValidateProbe(container.ReadinessProbe, ProbeType.Readiness, container, $"{path}.readinessProbe"));
            errors.AddRange(ValidateProbe(container.StartupProbe, ProbeType.Startup, container, $"{path}.startupProbe"));
        }

        // validateInitContainers: a sidecar's probes are checked like an app container's; a plain init container may have none.
        var init = spec.InitContainers ?? [];
        for (var i = 0; i < init.Count; i++)
        {
            var container = init[i];
            var path = $"{fieldPath}.initContainers[{i}]";
            foreach (var (probe, type, name) in new[] { (container.LivenessProbe, ProbeType.Liveness, "livenessProbe"), (container.ReadinessProbe, ProbeType.Readiness, "readinessProbe"), (container.StartupProbe, ProbeType.Startup, "startupProbe") })
            {
                if (container.RestartPolicy == "Always")
                {
                    errors.AddRange(ValidateProbe(probe, type, container, $"{path}.{name}"));
                }
                else if (probe is not null)
                {
                    errors.Add(new ProbeFieldError($"{path}.{name}", FieldErrorType.Forbidden, null, "may not be set for init containers without restartPolicy=Always"));
                }
            }
        }

        return errors;
    }

    /// <summary>Validates a workload's pod template; paths start at <c>spec.template.spec</c>.</summary>
    public static IReadOnlyList<ProbeFieldError> ValidateTemplate(V1PodTemplateSpec template, string fieldPath = "spec.template")
    {
        ArgumentNullException.ThrowIfNull(template);
        return Validate(template.Spec, $"{fieldPath}.spec");
    }

    /// <summary>Validates one probe of <paramref name="type"/> on <paramref name="container"/>; empty when <paramref name="probe"/> is null.</summary>
    public static IReadOnlyList<ProbeFieldError> ValidateProbe(V1Probe? probe, ProbeType type, V1Container container, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(container);
        var errors = new List<ProbeFieldError>();
        if (probe is null)
        {
            return errors;
        }

        var p = ProbeDefaults.Apply(probe);
        ValidateHandler(p, container, fieldPath, errors);
        NonNegative(p.InitialDelaySeconds ?? 0, $"{fieldPath}.initialDelaySeconds", errors);
        NonNegative(p.TimeoutSeconds!.Value, $"{fieldPath}.timeoutSeconds", errors);
        NonNegative(p.PeriodSeconds!.Value, $"{fieldPath}.periodSeconds", errors);
        NonNegative(p.SuccessThreshold!.Value, $"{fieldPath}.successThreshold", errors);
        NonNegative(p.FailureThreshold!.Value, $"{fieldPath}.failureThreshold", errors);
        if (p.TerminationGracePeriodSeconds is <= 0)
        {
            errors.Add(new($"{fieldPath}.terminationGracePeriodSeconds", FieldErrorType.Invalid, p.TerminationGracePeriodSeconds.Value, "must be greater than 0"));
        }

        if (type != ProbeType.Readiness && p.SuccessThreshold != 1)
        {
            errors.Add(new($"{fieldPath}.successThreshold", FieldErrorType.Invalid, p.SuccessThreshold.Value, "must be 1"));
        }

        if (type == ProbeType.Readiness && p.TerminationGracePeriodSeconds is { } grace)
        {
            errors.Add(new($"{fieldPath}.terminationGracePeriodSeconds", FieldErrorType.Invalid, grace, "must not be set for readinessProbes"));
        }

        return errors;
    }

    private static void NonNegative(long value, string field, List<ProbeFieldError> errors)
    {
        if (value < 0)
        {
            errors.Add(new(field, FieldErrorType.Invalid, value, NegativeMessage));
        }
    }

    // validateHandler: exactly one of exec, httpGet, tcpSocket, grpc, checked in that order.
    private static void ValidateHandler(V1Probe probe, V1Container container, string fieldPath, List<ProbeFieldError> errors)
    {
        var handlers = 0;
        if (probe.Exec is { } exec && Count(ref handlers, $"{fieldPath}.exec", errors))
        {
            if (exec.Command is not { Count: > 0 })
            {
                errors.Add(new($"{fieldPath}.exec.command", FieldErrorType.Required, null, string.Empty));
            }
        }

        if (probe.HttpGet is { } http && Count(ref handlers, $"{fieldPath}.httpGet", errors))
        {
            if (string.IsNullOrEmpty(http.Path))
            {
                errors.Add(new($"{fieldPath}.httpGet.path", FieldErrorType.Required, null, string.Empty));
            }

            ValidatePort(http.Port, container, $"{fieldPath}.httpGet.port", errors);
            if (http.Scheme is not ("HTTP" or "HTTPS"))
            {
                errors.Add(new($"{fieldPath}.httpGet.scheme", FieldErrorType.NotSupported, http.Scheme, "supported values: \"HTTP\", \"HTTPS\""));
            }

            foreach (var header in http.HttpHeaders ?? [])
            {
                if (!HeaderName().IsMatch(header.Name ?? string.Empty))
                {
                    errors.Add(new(
                        $"{fieldPath}.httpGet.httpHeaders",
                        FieldErrorType.Invalid,
                        header.Name ?? string.Empty,
                        "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"));
                }
            }
        }

        if (probe.TcpSocket is { } tcp && Count(ref handlers, $"{fieldPath}.tcpSocket", errors))
        {
            ValidatePort(tcp.Port, container, $"{fieldPath}.tcpSocket.port", errors);
        }

        if (probe.Grpc is { } grpc && Count(ref handlers, $"{fieldPath}.grpc", errors))
        {
            PortNumber(grpc.Port, $"{fieldPath}.grpc.port", errors);
        }

        if (handlers == 0)
        {
            errors.Add(new(fieldPath, FieldErrorType.Required, null, "must specify a handler type"));
        }
    }

    private static bool Count(ref int handlers, string field, List<ProbeFieldError> errors)
    {
        if (handlers > 0)
        {
            errors.Add(new(field, FieldErrorType.Forbidden, null, "may not specify more than 1 handler type"));
            return false;
        }

        handlers++;
        return true;
    }

    // ValidatePortNumOrName, plus the kubelet's findPortByName for names (§1.9: named ports resolve against container ports).
    private static void ValidatePort(IntOrString? port, V1Container container, string field, List<ProbeFieldError> errors)
    {
        var value = port?.Value ?? string.Empty;
        if (int.TryParse(value, out var number))
        {
            PortNumber(number, field, errors);
            return;
        }

        var nameErrors = PortNameErrors(value).ToList();
        foreach (var message in nameErrors)
        {
            errors.Add(new(field, FieldErrorType.Invalid, value, message));
        }

        if (nameErrors.Count == 0 && container.Ports?.Any(p => p.Name == value) != true)
        {
            errors.Add(new(
                field,
                FieldErrorType.NotFound,
                value,
                $"no containerPort named {ProbeFieldError.Quote(value)}: the kubelet reports every attempt as errored (port {value} not found) and discards it",
                FieldErrorOrigin.Kubelet));
        }
    }

    private static void PortNumber(int port, string field, List<ProbeFieldError> errors)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add(new(field, FieldErrorType.Invalid, port, "must be between 1 and 65535, inclusive"));
        }
    }

    // apimachinery IsValidPortName.
    private static IEnumerable<string> PortNameErrors(string name)
    {
        if (name.Length > 15)
        {
            yield return "must be no more than 15 bytes";
        }

        if (!PortNameCharset().IsMatch(name))
        {
            yield return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        }

        if (!name.Any(c => c is >= 'a' and <= 'z'))
        {
            yield return "must contain at least one letter (a-z)";
        }

        if (name.Contains("--", StringComparison.Ordinal))
        {
            yield return "must not contain consecutive hyphens";
        }

        if (name.Length > 0 && (name[0] == '-' || name[^1] == '-'))
        {
            yield return "must not begin or end with a hyphen";
        }
    }

    [GeneratedRegex("^[-a-z0-9]+$")]
    private static partial Regex PortNameCharset();

    [GeneratedRegex("^[-A-Za-z0-9]+$")]
    private static partial Regex HeaderName();
}
