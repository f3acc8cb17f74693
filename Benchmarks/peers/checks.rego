# The four checks of the peer table (Benchmarks/peers), in Rego v1, written to match Portcullis's
# built-in policies images/no-latest-tag, resources/limits-required,
# pod-security-restricted/run-as-non-root + allow-privilege-escalation, and secrets/no-plaintext.
# Input: one Kubernetes resource. `findings` is a set of {"check", "at"}: one per container
# (or per Secret), as Portcullis reports them.
package peers

workload_template_kinds := {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"}

pod_spec := input.spec if input.kind == "Pod"

pod_spec := input.spec.template.spec if input.kind in workload_template_kinds

pod_spec := input.spec.jobTemplate.spec.template.spec if input.kind == "CronJob"

# Every container of the pod spec, keyed by its path (a set of containers would merge identical ones).
containers[path] := container if {
	some field in ["containers", "initContainers", "ephemeralContainers"]
	some i, container in pod_spec[field]
	path := sprintf("%s[%d]", [field, i])
}

# (1) images: a floating tag (`latest`) or no tag and no digest.
findings contains {"check": "images", "at": path} if {
	some path, container in containers
	is_string(container.image)
	floating(container.image)
}

# The reference without its digest; the tag follows the last ':' of the last path component.
image_name(image) := split(image, "@")[0]

last_component(image) := parts[count(parts) - 1] if parts := split(image_name(image), "/")

# Only the last component can hold the tag; the registry (first component) may hold a port.
image_tag(image) := tag if {
	component := last_component(image)
	contains(component, ":")
	pieces := split(component, ":")
	tag := pieces[count(pieces) - 1]
}

floating(image) if image_tag(image) == "latest"

floating(image) if {
	not image_tag(image)
	not contains(image, "@")
}

# (2) resources: a container without a CPU or a memory limit.
findings contains {"check": "limits", "at": path} if {
	some path, container in containers
	some resource in ["cpu", "memory"]
	not has_limit(container, resource)
}

has_limit(container, resource) if _ = container.resources.limits[resource]

# (3a) runAsNonRoot is not true for the container (its own setting, else the pod's).
findings contains {"check": "run-as-non-root", "at": path} if {
	some path, container in containers
	not container.securityContext.runAsNonRoot == true
	not pod_says_non_root(container)
}

pod_says_non_root(container) if {
	pod_spec.securityContext.runAsNonRoot == true
	not has_run_as_non_root(container)
}

has_run_as_non_root(container) if _ = container.securityContext.runAsNonRoot

# (3b) allowPrivilegeEscalation is not false.
findings contains {"check": "privilege-escalation", "at": path} if {
	some path, container in containers
	not container.securityContext.allowPrivilegeEscalation == false
}

# (4) a Secret with values in data or stringData, not SOPS-encrypted.
findings contains {"check": "plaintext-secret", "at": "data"} if {
	input.kind == "Secret"
	has_values
	plaintext
}

has_values if count(input.data) > 0

has_values if count(input.stringData) > 0

plaintext if not input.sops

# SOPS without a partial-encryption rule encrypts every value: one that is not ENC[…] was added after.
plaintext if {
	input.sops
	not partial_rule
	some field in ["data", "stringData"]
	some value in input[field]
	not regex.match(`^ENC\[`, sprintf("%v", [value]))
}

partial_rule if {
	some key in ["encrypted_regex", "encrypted_suffix", "unencrypted_regex", "unencrypted_suffix"]
	_ = input.sops[key]
}
