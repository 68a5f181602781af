using k8s.Models;
using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Containers;

/// <summary>The argv a container runs, by the Kubernetes rules: command replaces ENTRYPOINT, args replace CMD, <c>$(VAR)</c> expanded.</summary>
public static class ContainerCommandLine
{
    /// <summary>The container's argv before path mapping; empty when neither the image nor the container names a command.</summary>
    public static IReadOnlyList<string> For(V1Container container, ResolvedImage image, Func<string, string?> lookup)
    {
        var hasCommand = container.Command is { Count: > 0 };
        var hasArgs = container.Args is { Count: > 0 };
        IEnumerable<string> words = (hasCommand, hasArgs) switch
        {
            (true, _) => container.Command!.Concat(container.Args ?? []),
            (false, true) => image.Entrypoint.Concat(container.Args!),
            _ => image.Entrypoint.Concat(image.Cmd),
        };

        // The image's own ENTRYPOINT/CMD are not expanded; the container's command and args are.
        var fromImage = hasCommand ? 0 : image.Entrypoint.Count + (hasArgs ? 0 : image.Cmd.Count);
        return words.Select((word, i) => i < fromImage ? word : DollarExpansion.Expand(word, lookup)).ToList();
    }
}
