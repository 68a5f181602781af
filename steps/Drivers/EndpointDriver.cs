using k8s.Models;
using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Expectations on the Service's EndpointSlices: whether a pod is listed and with which conditions (kubelet-probe-semantics.md §1.12).</summary>
public sealed class EndpointDriver(
    PodRoster roster,
    WorkloadDriver workload,
    FaultDriver faults,
    ReactionQueries bounds,
    TimingDriver timing,
    Expectations expectations,
    Support.ScenarioClock clock)
{
    /// <summary>The annotation where the EndpointSlice controller writes the time of the pod change it reflects.</summary>
    private const string TriggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";

    /// <summary>Waits until the pod's endpoint has <paramref name="expected"/>, within <paramref name="within"/> (a readiness bound is counted from the pod's last fault or its end).</summary>
    public async Task HasAsync(int ordinal, EndpointConditions expected, Within within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var label = roster.Label(name);
        var now = MeasuredInstant.Exact(clock.Now, InstantSource.HarnessClock);
        var recovering = expected.Ready == true || expected.Serving == true;
        var (reference, from, window) = within.Bound switch
        {
            null => (now, TimingReference.Fault, (ReactionWindow?)null),
            ProbeKind.Readiness when recovering =>
                (faults.FaultEndOf(name) ?? now, TimingReference.Recovery, bounds.ReadyAgain(faults.ActiveFaultOf(name), ReactionMeasure.EndpointReady)),
            ProbeKind.Readiness => (
                faults.FaultStartOf(name) ?? now,
                TimingReference.Fault,
                bounds.Window(ProbeKind.Readiness, faults.ActiveFaultOf(name), ReactionMeasure.EndpointNotReady)),
            _ => throw new ScenarioInputException("an endpoint's conditions are timed with 'within the readiness detection bound' or 'within <n> s'."),
        };
        await timing.WaitAsync(
            $"the endpoint of {label} to have {expected}",
            new TimedReaction(name, recovering ? ReactionMeasure.EndpointReady : ReactionMeasure.EndpointNotReady, from),
            reference,
            window,
            within.Seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            state => Find(state, name) is { } found && expected.Match(found.Endpoint.Conditions) ? ChangeTime(state, name, expected) : null,
            state => Describe(state, name),
            cancellationToken);
    }

    /// <summary>Checks for <paramref name="window"/> that the pod's endpoint keeps <paramref name="expected"/>.</summary>
    public Task KeepsAsync(int ordinal, EndpointConditions expected, TimeSpan window, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        return expectations.ConsistentlyAsync(
            $"the endpoint of pod {ordinal} keeps {expected}",
            window,
            state => Observation.If(Find(state, name) is { } found && expected.Match(found.Endpoint.Conditions), Describe(state, name)),
            cancellationToken);
    }

    /// <summary>
    /// Waits up to <paramref name="within"/> for the pod's next restart and checks every version of the pod and of its
    /// endpoint the watch delivers, from now until <see cref="AfterRestart"/> after the restart, was Ready (the kubelet
    /// kills and restarts in one sync and publishes once per sync; a version in between would reach the endpoints).
    /// </summary>
    /// <param name="ordinal">The pod.</param>
    /// <param name="within">How long the restart may take to come.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <param name="container">The container whose restart is awaited (null: the target app's).</param>
    public Task StaysReadyThroughRestartAsync(int ordinal, TimeSpan within, CancellationToken cancellationToken, string? container = null)
    {
        var name = roster.NameOf(ordinal);
        var label = roster.Label(name);
        var restarting = workload.ContainerNamed(container).Name;
        int? from = null;
        int? baseline = null;
        return expectations.EventuallyAsync(
            $"{label} and its endpoint to stay Ready through a restart",
            within,
            state =>
            {
                from ??= state.Changes.Count;
                baseline ??= state.RequirePod(name).RestartCount(restarting);
                DateTimeOffset? restartSeen = null;
                foreach (var change in state.Changes.Skip(from.Value))
                {
                    switch (change.Object)
                    {
                        case V1Pod pod when pod.Metadata?.Name == name:
                            if (!pod.IsReady())
                            {
                                throw new ExpectationFailedException(
                                    $"Expected {label} to stay Ready through the restart of container \"{restarting}\", but at {change.ObservedAt:HH:mm:ss.fff} it was not Ready: {pod.Describe(restarting)}");
                            }

                            restartSeen ??= pod.RestartCount(restarting) > baseline ? change.ObservedAt : null;
                            break;
                        case V1EndpointSlice slice when BelongsToService(slice) && slice.Endpoints?.FirstOrDefault(e => e.TargetRef?.Name == name) is { } endpoint
                            && endpoint.Conditions?.Ready == false:
                            throw new ExpectationFailedException(
                                $"Expected the endpoint of {label} to stay ready through its restart, but at {change.ObservedAt:HH:mm:ss.fff} {slice.Metadata?.Name} had {EndpointConditions.Describe(endpoint.Conditions)}");
                    }
                }

                var detail = restartSeen is { } at
                    ? $"restarted at {at:HH:mm:ss.fff}; Ready and {Describe(state, name)} in every version since the step began"
                    : $"not restarted yet, Ready in every version so far; {Describe(state, name)}";
                return Observation.If(restartSeen is { } seen && clock.Now - seen >= AfterRestart && Find(state, name) is not null, detail);
            },
            cancellationToken);
    }

    /// <summary>How long after a restart the endpoint is still watched (the EndpointSlice controller's lag, §1.12).</summary>
    public static readonly TimeSpan AfterRestart = TimeSpan.FromSeconds(3);

    /// <summary>Waits until the pod is (or is not) listed in any of the Service's EndpointSlices.</summary>
    public Task ListedAsync(int ordinal, bool listed, TimeSpan within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        return expectations.EventuallyAsync(
            $"pod {ordinal} to be {(listed ? "" : "not ")}listed in the EndpointSlices",
            within,
            state => Observation.If(Find(state, name) is not null == listed, Describe(state, name)),
            cancellationToken);
    }

    /// <summary>Checks for <paramref name="window"/> that the pod stays listed in the EndpointSlices.</summary>
    public Task StaysListedAsync(int ordinal, TimeSpan window, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        return expectations.ConsistentlyAsync(
            $"pod {ordinal} stays listed in the EndpointSlices",
            window,
            state => Observation.If(Find(state, name) is not null, Describe(state, name)),
            cancellationToken);
    }

    /// <summary>
    /// Waits until the Service's EndpointSlices agree with the pods' Ready conditions: every Ready pod listed with
    /// <c>ready=true</c>, every other live pod unlisted or <c>ready=false</c> (with <c>publishNotReadyAddresses</c>,
    /// every live pod with an IP ready). The endpoints lag the pods (§1.12), and a Service client sees only the endpoints.
    /// </summary>
    public Task AgreeWithPodReadinessAsync(TimeSpan within, CancellationToken cancellationToken) =>
        expectations.EventuallyAsync(
            "the Service's endpoints to agree with the pods' Ready conditions",
            within,
            state =>
            {
                var disagreements = state.Pods.Values.Select(pod => Disagreement(state, pod)).OfType<string>().ToList();
                return disagreements.Count == 0
                    ? Observation.Holds($"ready endpoints: {ReadyEndpoints(state)}")
                    : Observation.Not(string.Join("; ", disagreements));
            },
            cancellationToken);

    // Null when the pod's endpoint is as its Ready condition (and deletion) implies, else what differs.
    private string? Disagreement(ClusterState state, V1Pod pod)
    {
        var name = pod.Metadata?.Name ?? "";
        var publish = workload.Workload.Service.Spec.PublishNotReadyAddresses == true;
        bool? expectReady = pod.Metadata?.DeletionTimestamp is not null
            ? publish ? null : false
            : publish ? !string.IsNullOrEmpty(pod.Status?.PodIP) : pod.IsReady();
        if (expectReady is null)
        {
            return null;
        }

        // A v1beta1 endpoint without a ready condition counts as ready (the API's reading of an unset condition).
        var listedReady = Find(state, name) is { } found && found.Endpoint.Conditions?.Ready != false;
        return listedReady == expectReady
            ? null
            : $"{roster.Label(name)} is {(pod.IsReady() ? "" : "not ")}Ready{(pod.Metadata?.DeletionTimestamp is null ? "" : " and terminating")} but {Describe(state, name)}";
    }

    private string ReadyEndpoints(ClusterState state)
    {
        var ready = state.Pods.Keys
            .Where(name => Find(state, name) is { } found && found.Endpoint.Conditions?.Ready != false)
            .Select(roster.Label)
            .Order(StringComparer.Ordinal)
            .ToList();
        return ready.Count == 0 ? "none" : string.Join(", ", ready);
    }

    private (V1EndpointSlice Slice, V1Endpoint Endpoint)? Find(ClusterState state, string podName)
    {
        foreach (var slice in state.EndpointSlices.Values.Where(BelongsToService))
        {
            if (slice.Endpoints?.FirstOrDefault(e => e.TargetRef?.Name == podName) is { } endpoint)
            {
                return (slice, endpoint);
            }
        }

        return null;
    }

    private bool BelongsToService(V1EndpointSlice slice) =>
        slice.Metadata?.Labels?.TryGetValue("kubernetes.io/service-name", out var service) != true || service == workload.ServiceName;

    // When the endpoint first showed the conditions: no earlier than the pod change the controller names as its trigger (when
    // it writes one), no later than when the watch saw it.
    private MeasuredInstant? ChangeTime(ClusterState state, string podName, EndpointConditions expected)
    {
        MeasuredInstant? since = null;
        foreach (var change in state.Changes)
        {
            if (change.Object is not V1EndpointSlice slice || !BelongsToService(slice))
            {
                continue;
            }

            var endpoint = slice.Endpoints?.FirstOrDefault(e => e.TargetRef?.Name == podName);
            if (endpoint is null)
            {
                continue;
            }

            if (!expected.Match(endpoint.Conditions))
            {
                since = null;
            }
            else if (since is null)
            {
                var trigger = slice.Metadata?.Annotations?.TryGetValue(TriggerTimeAnnotation, out var text) == true
                    && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed <= change.ObservedAt
                        ? parsed
                        : change.ObservedAt;
                since = new MeasuredInstant(trigger, change.ObservedAt, InstantSource.Watch);
            }
        }

        return since;
    }

    private string Describe(ClusterState state, string podName) =>
        Find(state, podName) is { } found
            ? $"{roster.Label(podName)} listed in {found.Slice.Metadata?.Name} with {EndpointConditions.Describe(found.Endpoint.Conditions)}"
            : $"{roster.Label(podName)} not listed ({state.EndpointSlices.Count} slice(s))";
}
