using System.Globalization;
using k8s.Models;

namespace ProbeHarness.Emulated.Probing;

/// <summary>The kubelet's <c>ResolveContainerPort</c>: a port name is looked up in the container's ports, else parsed as a number.</summary>
public static class ProbePorts
{
    /// <summary>The port number, or the kubelet's error text (a prober error: the result is discarded).</summary>
    public static (int Port, string? Error) Resolve(IntOrString? port, V1Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var text = port?.Value ?? "";
        var named = container.Ports?.FirstOrDefault(p => p.Name == text);
        int number;
        if (named is not null)
        {
            number = named.ContainerPort;
        }
        else if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return (-1, $"strconv.Atoi: parsing {GoText.Quote(text)}: invalid syntax");
        }

        return number is > 0 and < 65536 ? (number, null) : (number, $"invalid port number: {number}");
    }
}
