using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Gives the scenario's pods the ordinals the steps use ("pod 1", "pod 2"): by creation time then name, fixed once given; replacement pods get the next ordinals.</summary>
public sealed class PodRoster
{
    private readonly Lock _gate = new();
    private readonly List<string> _names = [];

    /// <summary>How many pods have an ordinal.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _names.Count;
            }
        }
    }

    /// <summary>Gives an ordinal to every pod of <paramref name="state"/> that has none yet.</summary>
    public void Enrol(ClusterState state)
    {
        var newcomers = state.Pods.Values
            .Concat(state.DeletedPods.Values)
            .OrderBy(p => p.Metadata?.CreationTimestamp ?? DateTime.MaxValue)
            .ThenBy(p => p.Metadata?.Name, StringComparer.Ordinal)
            .Select(p => p.Metadata!.Name);
        lock (_gate)
        {
            _names.AddRange(newcomers.Where(n => !_names.Contains(n)).ToList());
        }
    }

    /// <summary>The name of pod <paramref name="ordinal"/> (1-based).</summary>
    public string NameOf(int ordinal)
    {
        lock (_gate)
        {
            return ordinal >= 1 && ordinal <= _names.Count
                ? _names[ordinal - 1]
                : throw new ScenarioInputException(_names.Count == 0
                    ? $"pod {ordinal} does not exist: no pod has been deployed yet."
                    : $"pod {ordinal} does not exist: the scenario has pods 1–{_names.Count}.");
        }
    }

    /// <summary>The ordinal of the pod named <paramref name="name"/>, or null when it has none.</summary>
    public int? OrdinalOf(string name)
    {
        lock (_gate)
        {
            var index = _names.IndexOf(name);
            return index < 0 ? null : index + 1;
        }
    }

    /// <summary>How steps and reports name a pod: <c>pod 1</c>, or the pod's name when it has no ordinal.</summary>
    public string Label(string name) => OrdinalOf(name) is { } ordinal ? $"pod {ordinal}" : name;

    /// <summary>How steps and reports name a pod object.</summary>
    public string Label(V1Pod pod) => Label(pod.Metadata?.Name ?? "?");

    /// <summary>The names of all pods with an ordinal, in ordinal order.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_gate)
            {
                return [.. _names];
            }
        }
    }
}
