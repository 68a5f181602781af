using k8s;
using k8s.Models;
using ProbeHarness.Kubelet.Containers;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet;

/// <summary>Status generation (§1.7, §1.11): container statuses, phase (getPhase), conditions with flip-only transition times, publishing.</summary>
public sealed partial class PodKubelet
{
    private readonly Dictionary<string, V1PodCondition> _conditions = new(StringComparer.Ordinal);
    private string? _published;
    private DateTimeOffset? _startTime;
    private string _phase = "Pending";
    private bool _terminal;

    private void AfterEachAction()
    {
        RefreshStatus(raise: true);
        if (_isAdmitted && _firstStartsPending == 0)
        {
            _startCompleted.TrySetResult();
        }

        if (_terminationDone)
        {
            _terminationCompleted.TrySetResult();
        }
    }

    private void RefreshStatus(bool raise)
    {
        var statuses = _containers.Where(r => r.Kind == ContainerKind.App).Select(BuildContainerStatus).ToList();
        var init = _containers.Where(r => r.Kind != ContainerKind.App).Select(r => (r.Kind, Status: BuildContainerStatus(r))).ToList();
        var initStatuses = init.Select(i => i.Status).ToList();
        if (!_terminal)
        {
            // getPhase: Pending while init runs; a plain init container that failed under restartPolicy Never fails the pod.
            _phase = _isAdmitted && _initFailed ? "Failed" : _isAdmitted && !_initDone && !_terminating ? "Pending" : ComputePhase(statuses);
            if (_phase is "Succeeded" or "Failed")
            {
                OnTerminal();
            }
        }

        var status = new V1PodStatus
        {
            Phase = _phase,
            Conditions = BuildConditions(statuses, [.. init.Where(i => i.Kind == ContainerKind.Sidecar).Select(i => i.Status)]),
            ContainerStatuses = statuses,
            InitContainerStatuses = initStatuses.Count > 0 ? initStatuses : null,
            QosClass = QosClass(_pod.Spec),
        };
        if (_isAdmitted)
        {
            status.HostIP = _options.HostIp;
            status.HostIPs = [new V1HostIP { Ip = _options.HostIp }];
            status.PodIP = _podIp;
            status.PodIPs = [new V1PodIP { Ip = _podIp }];
            status.StartTime = WholeSeconds(_startTime!.Value).UtcDateTime;
        }

        var pod = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(_pod));
        pod.Spec.NodeName = _options.NodeName;
        pod.Status = status;
        var json = KubernetesJson.Serialize(pod);
        if (json == _published)
        {
            return;
        }

        Volatile.Write(ref _published, json);
        if (!raise)
        {
            return;
        }

        try
        {
            StatusChanged?.Invoke(KubernetesJson.Deserialize<V1Pod>(json));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _options.Log?.Invoke($"{Describe()}: StatusChanged handler failed: {ex.Message}");
        }

        // After the status is out, as the real status manager logs its patch once the API server took it.
        LogReadyChange(status.Conditions);
    }

    // Workers exit on a terminal phase (§1.1 step 2, §1.8) and nothing is restarted any more.
    private void OnTerminal()
    {
        _terminal = true;
        foreach (var worker in _workers)
        {
            worker.Stop();
        }

        _syncTimer?.Dispose();
        _syncTimer = null;
    }

    private V1ContainerStatus BuildContainerStatus(ContainerRecord record)
    {
        var latest = record.Latest;
        var status = new V1ContainerStatus
        {
            Name = record.Name,
            Image = record.Spec.Image,
            ImageID = string.Empty,
            RestartCount = latest?.RestartCount ?? 0,
            Started = IsStarted(record),
            // A plain init container is "ready" once it exited 0 (prober UpdatePodStatus).
            Ready = record.Kind == ContainerKind.Init ? InitCompleted(record) : IsReady(record),
            State = new V1ContainerState(),
            LastState = new V1ContainerState(),
        };
        if (record.Held is { } held)
        {
            // Killed and being restarted within one sync: the published status still has it running (§4.6); a readiness
            // result of the dying container may still turn it unready (SetContainerReadiness).
            status.ImageID = $"emulated://{record.Spec.Image}";
            status.ContainerID = string.IsNullOrEmpty(held.ContainerId) ? null : held.ContainerId;
            status.RestartCount = held.RestartCount;
            status.Started = record.HeldStarted;
            status.Ready = record.HeldReady && (record.Spec.ReadinessProbe is null || Result(ProbeType.Readiness, held.ContainerId) == ProbeVerdict.Success);
            status.State.Running = new V1ContainerStateRunning { StartedAt = WholeSeconds(held.StartedAt).UtcDateTime };
            status.LastState.Terminated = Terminated(record.BeforeLatest);
            return status;
        }

        if (latest is null)
        {
            // convertToAPIContainerStatuses' default: PodInitializing in a pod with init containers.
            var waiting = _containers.Any(r => r.Kind != ContainerKind.App) ? "PodInitializing" : "ContainerCreating";
            status.State.Waiting = new V1ContainerStateWaiting { Reason = record.WaitingReason ?? waiting, Message = record.WaitingMessage };
            return status;
        }

        status.ImageID = $"emulated://{record.Spec.Image}";
        status.ContainerID = string.IsNullOrEmpty(latest.ContainerId) ? null : latest.ContainerId;
        if (latest.Exit is null)
        {
            status.State.Running = new V1ContainerStateRunning { StartedAt = WholeSeconds(latest.StartedAt).UtcDateTime };
            status.LastState.Terminated = Terminated(record.BeforeLatest);
        }
        else if (record.WaitingReason is not null && ShouldRestart(record))
        {
            // convertToAPIContainerStatuses: a container that will restart and has a cached start failure is Waiting.
            status.State.Waiting = new V1ContainerStateWaiting { Reason = record.WaitingReason, Message = record.WaitingMessage };
            status.LastState.Terminated = Terminated(latest);
        }
        else
        {
            status.State.Terminated = Terminated(latest);
            status.LastState.Terminated = Terminated(record.BeforeLatest);
        }

        return status;
    }

    private static V1ContainerStateTerminated? Terminated(ContainerInstanceRecord? instance) =>
        instance?.Exit is not { } exit
            ? null
            : new V1ContainerStateTerminated
            {
                ExitCode = exit.ExitCode,
                Reason = exit.Reason,
                StartedAt = WholeSeconds(instance.StartedAt).UtcDateTime,
                FinishedAt = WholeSeconds(exit.FinishedAt).UtcDateTime,
                ContainerID = string.IsNullOrEmpty(instance.ContainerId) ? null : instance.ContainerId,
            };

    // kubelet getPhase (§1.11); podIsTerminal once a v1.32 kubelet has finished terminating a deleted pod.
    private string ComputePhase(List<V1ContainerStatus> statuses)
    {
        if (!_isAdmitted)
        {
            return "Pending";
        }

        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var status in statuses)
        {
            if (status.State.Running is not null)
            {
                running++;
            }
            else if (status.State.Terminated is { } terminated)
            {
                stopped++;
                succeeded += terminated.ExitCode == 0 ? 1 : 0;
            }
            else if (status.LastState.Terminated is not null)
            {
                stopped++;
            }
            else
            {
                waiting++;
            }
        }

        if (waiting > 0)
        {
            return "Pending";
        }

        if (running > 0)
        {
            return "Running";
        }

        var podIsTerminal = _terminationDone && Profile == KubeletProfile.V132;
        if (podIsTerminal)
        {
            return stopped == succeeded ? "Succeeded" : "Failed";
        }

        return RestartPolicy switch
        {
            "Always" => "Running",
            _ when stopped == succeeded => "Succeeded",
            "Never" => "Failed",
            _ => "Running",
        };
    }

    private List<V1PodCondition> BuildConditions(List<V1ContainerStatus> statuses, List<V1ContainerStatus> sidecarStatuses)
    {
        var conditions = new List<V1PodCondition>();
        if (_isAdmitted)
        {
            if (Profile == KubeletProfile.V132)
            {
                // The emulated sandbox exists from admission until the pod is terminal or fully terminated.
                conditions.Add(Condition("PodReadyToStartContainers", !_terminal && !_terminationDone));
            }

            conditions.Add(Condition("Initialized", Initialized()));

            // GenerateContainersReadyCondition counts sidecars beside the app containers (v1.28+).
            var containersReady = ContainersReady([.. sidecarStatuses, .. statuses]);
            conditions.Add(Condition("Ready", containersReady.Status == "True" ? ReadinessGates() : containersReady));
            conditions.Add(Condition("ContainersReady", containersReady));
        }

        conditions.Add(Condition("PodScheduled", true));
        conditions.AddRange((_pod.Status?.Conditions ?? []).Where(c => !_conditions.ContainsKey(c.Type) && !IsKubeletCondition(c.Type)));
        return conditions;
    }

    // GeneratePodInitializedCondition: True once the last init container exited 0 (a sidecar counts once started).
    private V1PodCondition Initialized()
    {
        if (_initDone)
        {
            return new V1PodCondition { Status = "True" };
        }

        var incomplete = _containers
            .Where(r => r.Kind == ContainerKind.Init ? !InitCompleted(r) : r.Kind == ContainerKind.Sidecar && !IsStarted(r))
            .Select(r => r.Name);
        return new V1PodCondition { Status = "False", Reason = "ContainersNotInitialized", Message = $"containers with incomplete status: [{string.Join(' ', incomplete)}]" };
    }

    private static bool IsKubeletCondition(string type) =>
        type is "PodReadyToStartContainers" or "Initialized" or "Ready" or "ContainersReady" or "PodScheduled";

    // GenerateContainersReadyCondition.
    private V1PodCondition ContainersReady(List<V1ContainerStatus> statuses)
    {
        if (_phase is "Succeeded" or "Failed")
        {
            return new V1PodCondition { Status = "False", Reason = _phase == "Succeeded" ? "PodCompleted" : "PodFailed" };
        }

        var unready = statuses.Where(s => s.Ready != true).Select(s => s.Name).ToList();
        return unready.Count == 0
            ? new V1PodCondition { Status = "True" }
            : new V1PodCondition { Status = "False", Reason = "ContainersNotReady", Message = $"containers with unready status: [{string.Join(' ', unready)}]" };
    }

    // GeneratePodReadyCondition's readiness-gate part, against conditions others set on the pod.
    private V1PodCondition ReadinessGates()
    {
        var messages = new List<string>();
        foreach (var gate in _pod.Spec.ReadinessGates ?? [])
        {
            var condition = _pod.Status?.Conditions?.FirstOrDefault(c => c.Type == gate.ConditionType);
            if (condition is null)
            {
                messages.Add($"corresponding condition of pod readiness gate \"{gate.ConditionType}\" does not exist.");
            }
            else if (condition.Status != "True")
            {
                messages.Add($"the status of pod readiness gate \"{gate.ConditionType}\" is not \"True\", but {condition.Status}");
            }
        }

        return messages.Count == 0
            ? new V1PodCondition { Status = "True" }
            : new V1PodCondition { Status = "False", Reason = "ReadinessGatesNotReady", Message = string.Join(", ", messages) };
    }

    private V1PodCondition Condition(string type, bool status) =>
        Condition(type, new V1PodCondition { Status = status ? "True" : "False" });

    // The status manager keeps lastTransitionTime unless the status flips (whole seconds, like the API).
    private V1PodCondition Condition(string type, V1PodCondition computed)
    {
        var transition = _conditions.TryGetValue(type, out var previous) && previous.Status == computed.Status
            ? previous.LastTransitionTime
            : WholeSeconds(Now).UtcDateTime;
        var condition = new V1PodCondition
        {
            Type = type,
            Status = computed.Status,
            Reason = computed.Reason,
            Message = computed.Message,
            LastTransitionTime = transition,
        };
        _conditions[type] = condition;
        return condition;
    }

    // GetPodQOS, simplified to cpu/memory requests and limits.
    private static string QosClass(V1PodSpec spec)
    {
        var containers = spec.Containers;
        if (containers.All(c => (c.Resources?.Requests?.Count ?? 0) == 0 && (c.Resources?.Limits?.Count ?? 0) == 0))
        {
            return "BestEffort";
        }

        var guaranteed = containers.All(c =>
            c.Resources?.Limits is { } limits &&
            limits.ContainsKey("cpu") && limits.ContainsKey("memory") &&
            (c.Resources.Requests is null ||
             c.Resources.Requests.All(r => limits.TryGetValue(r.Key, out var limit) && limit.ToString() == r.Value.ToString())));
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
