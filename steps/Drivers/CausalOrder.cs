using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Tightens the instants of one causal chain (first failure ≤ kill ≤ exit ≤ restart) so none is published before its cause.</summary>
public static class CausalOrder
{
    /// <summary>
    /// The instants of <paramref name="chain"/> (in causal order; null where an effect was not seen), each made no earlier than
    /// the one before and no later than the one after; null when the sources contradict each other (an effect wholly before its cause).
    /// </summary>
    public static IReadOnlyList<MeasuredInstant?>? Order(IReadOnlyList<MeasuredInstant?> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var ordered = chain.ToArray();
        MeasuredInstant? previous = null;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is not { } current)
            {
                continue;
            }

            if (previous is not null && current.Earliest < previous.Earliest)
            {
                if (current.Latest < previous.Earliest)
                {
                    return null;
                }

                current = current with { Earliest = previous.Earliest, Source = InstantSource.Combined };
            }

            ordered[i] = previous = current;
        }

        MeasuredInstant? next = null;
        for (var i = ordered.Length - 1; i >= 0; i--)
        {
            if (ordered[i] is not { } current)
            {
                continue;
            }

            if (next is not null && current.Latest > next.Latest)
            {
                current = current with { Latest = next.Latest, Source = InstantSource.Combined };
            }

            ordered[i] = next = current;
        }

        return ordered;
    }
}
