// Written by `make schema-table` from schemas/kubernetes.schema (PolicyEmbedder --schema); do not edit.
// A test checks that it holds the committed table.

/// The Kubernetes schema table (format: scripts/generate-kubernetes-schema.py).
enum EmbeddedSchemaTable {
    static let bytes: StaticString = #"""
portcullis-schema 1 kubernetes=1.37.0 kinds=201 types=832
K APIGroup v1 n 0
K APIGroupList v1 n 1
K APIResourceList v1 n 2
K APIService apiregistration.k8s.io/v1 c 3
K APIServiceList apiregistration.k8s.io/v1 n 4
K APIVersions v1 n 5
K Binding v1 n 6
K CSIDriver storage.k8s.io/v1 c 7
K CSIDriverList storage.k8s.io/v1 n 8
K CSINode storage.k8s.io/v1 c 9
K CSINodeList storage.k8s.io/v1 n 10
K CSIStorageCapacity storage.k8s.io/v1 n 11
K CSIStorageCapacityList storage.k8s.io/v1 n 12
K CertificateSigningRequest certificates.k8s.io/v1 c 13
K CertificateSigningRequestList certificates.k8s.io/v1 n 14
K ClusterRole rbac.authorization.k8s.io/v1 c 15
K ClusterRoleBinding rbac.authorization.k8s.io/v1 c 16
K ClusterRoleBindingList rbac.authorization.k8s.io/v1 n 17
K ClusterRoleList rbac.authorization.k8s.io/v1 n 18
K ClusterTrustBundle certificates.k8s.io/v1 c 19
K ClusterTrustBundle certificates.k8s.io/v1beta1 c 20
K ClusterTrustBundleList certificates.k8s.io/v1 n 21
K ClusterTrustBundleList certificates.k8s.io/v1beta1 n 22
K ComponentStatus v1 c 23
K ComponentStatusList v1 n 24
K CompositePodGroup scheduling.k8s.io/v1alpha3 n 25
K CompositePodGroupList scheduling.k8s.io/v1alpha3 n 26
K ConfigMap v1 n 27
K ConfigMapList v1 n 28
K ControllerRevision apps/v1 n 29
K ControllerRevisionList apps/v1 n 30
K CronJob batch/v1 n 31
K CronJobList batch/v1 n 32
K CustomResourceDefinition apiextensions.k8s.io/v1 c 33
K CustomResourceDefinitionList apiextensions.k8s.io/v1 n 34
K DaemonSet apps/v1 n 35
K DaemonSetList apps/v1 n 36
K Deployment apps/v1 n 37
K DeploymentList apps/v1 n 38
K DeviceClass resource.k8s.io/v1 c 39
K DeviceClass resource.k8s.io/v1beta1 c 40
K DeviceClass resource.k8s.io/v1beta2 c 41
K DeviceClassList resource.k8s.io/v1 n 42
K DeviceClassList resource.k8s.io/v1beta1 n 43
K DeviceClassList resource.k8s.io/v1beta2 n 44
K DeviceTaintRule resource.k8s.io/v1 c 45
K DeviceTaintRule resource.k8s.io/v1alpha3 c 46
K DeviceTaintRule resource.k8s.io/v1beta2 c 47
K DeviceTaintRuleList resource.k8s.io/v1 n 48
K DeviceTaintRuleList resource.k8s.io/v1alpha3 n 49
K DeviceTaintRuleList resource.k8s.io/v1beta2 n 50
K EndpointSlice discovery.k8s.io/v1 n 51
K EndpointSliceList discovery.k8s.io/v1 n 52
K Endpoints v1 n 53
K EndpointsList v1 n 54
K Event events.k8s.io/v1 n 55
K Event v1 n 56
K EventList events.k8s.io/v1 n 57
K EventList v1 n 58
K Eviction lifecycle.k8s.io/v1alpha1 n 59
K Eviction policy/v1 n 60
K EvictionList lifecycle.k8s.io/v1alpha1 n 61
K EvictionRequest lifecycle.k8s.io/v1alpha1 n 62
K EvictionRequestList lifecycle.k8s.io/v1alpha1 n 63
K FlowSchema flowcontrol.apiserver.k8s.io/v1 c 64
K FlowSchemaList flowcontrol.apiserver.k8s.io/v1 n 65
K HorizontalPodAutoscaler autoscaling/v1 n 66
K HorizontalPodAutoscaler autoscaling/v2 n 67
K HorizontalPodAutoscalerList autoscaling/v1 n 68
K HorizontalPodAutoscalerList autoscaling/v2 n 69
K IPAddress networking.k8s.io/v1 c 70
K IPAddressList networking.k8s.io/v1 n 71
K Ingress networking.k8s.io/v1 n 72
K IngressClass networking.k8s.io/v1 c 73
K IngressClassList networking.k8s.io/v1 n 74
K IngressList networking.k8s.io/v1 n 75
K Job batch/v1 n 76
K JobList batch/v1 n 77
K Lease coordination.k8s.io/v1 n 78
K LeaseCandidate coordination.k8s.io/v1alpha2 n 79
K LeaseCandidate coordination.k8s.io/v1beta1 n 80
K LeaseCandidateList coordination.k8s.io/v1alpha2 n 81
K LeaseCandidateList coordination.k8s.io/v1beta1 n 82
K LeaseList coordination.k8s.io/v1 n 83
K LimitRange v1 n 84
K LimitRangeList v1 n 85
K LocalSubjectAccessReview authorization.k8s.io/v1 n 86
K MutatingAdmissionPolicy admissionregistration.k8s.io/v1 c 87
K MutatingAdmissionPolicy admissionregistration.k8s.io/v1alpha1 c 88
K MutatingAdmissionPolicy admissionregistration.k8s.io/v1beta1 c 89
K MutatingAdmissionPolicyBinding admissionregistration.k8s.io/v1 c 90
K MutatingAdmissionPolicyBinding admissionregistration.k8s.io/v1alpha1 c 91
K MutatingAdmissionPolicyBinding admissionregistration.k8s.io/v1beta1 c 92
K MutatingAdmissionPolicyBindingList admissionregistration.k8s.io/v1 n 93
K MutatingAdmissionPolicyBindingList admissionregistration.k8s.io/v1alpha1 n 94
K MutatingAdmissionPolicyBindingList admissionregistration.k8s.io/v1beta1 n 95
K MutatingAdmissionPolicyList admissionregistration.k8s.io/v1 n 96
K MutatingAdmissionPolicyList admissionregistration.k8s.io/v1alpha1 n 97
K MutatingAdmissionPolicyList admissionregistration.k8s.io/v1beta1 n 98
K MutatingWebhookConfiguration admissionregistration.k8s.io/v1 c 99
K MutatingWebhookConfigurationList admissionregistration.k8s.io/v1 n 100
K Namespace v1 c 101
K NamespaceList v1 n 102
K NetworkPolicy networking.k8s.io/v1 n 103
K NetworkPolicyList networking.k8s.io/v1 n 104
K Node v1 c 105
K NodeList v1 n 106
K PersistentVolume v1 c 107
K PersistentVolumeClaim v1 n 108
K PersistentVolumeClaimList v1 n 109
K PersistentVolumeList v1 n 110
K Pod v1 n 111
K PodCertificateRequest certificates.k8s.io/v1 n 112
K PodCertificateRequest certificates.k8s.io/v1beta1 n 113
K PodCertificateRequestList certificates.k8s.io/v1 n 114
K PodCertificateRequestList certificates.k8s.io/v1beta1 n 115
K PodDisruptionBudget policy/v1 n 116
K PodDisruptionBudgetList policy/v1 n 117
K PodGroup scheduling.k8s.io/v1alpha3 n 118
K PodGroup scheduling.k8s.io/v1beta1 n 119
K PodGroupList scheduling.k8s.io/v1alpha3 n 120
K PodGroupList scheduling.k8s.io/v1beta1 n 121
K PodList v1 n 122
K PodTemplate v1 n 123
K PodTemplateList v1 n 124
K PriorityClass scheduling.k8s.io/v1 c 125
K PriorityClassList scheduling.k8s.io/v1 n 126
K PriorityLevelConfiguration flowcontrol.apiserver.k8s.io/v1 c 127
K PriorityLevelConfigurationList flowcontrol.apiserver.k8s.io/v1 n 128
K ReplicaSet apps/v1 n 129
K ReplicaSetList apps/v1 n 130
K ReplicationController v1 n 131
K ReplicationControllerList v1 n 132
K ResourceClaim resource.k8s.io/v1 n 133
K ResourceClaim resource.k8s.io/v1beta1 n 134
K ResourceClaim resource.k8s.io/v1beta2 n 135
K ResourceClaimList resource.k8s.io/v1 n 136
K ResourceClaimList resource.k8s.io/v1beta1 n 137
K ResourceClaimList resource.k8s.io/v1beta2 n 138
K ResourceClaimTemplate resource.k8s.io/v1 n 139
K ResourceClaimTemplate resource.k8s.io/v1beta1 n 140
K ResourceClaimTemplate resource.k8s.io/v1beta2 n 141
K ResourceClaimTemplateList resource.k8s.io/v1 n 142
K ResourceClaimTemplateList resource.k8s.io/v1beta1 n 143
K ResourceClaimTemplateList resource.k8s.io/v1beta2 n 144
K ResourcePoolStatusRequest resource.k8s.io/v1alpha3 n 145
K ResourcePoolStatusRequestList resource.k8s.io/v1alpha3 n 146
K ResourceQuota v1 n 147
K ResourceQuotaList v1 n 148
K ResourceSlice resource.k8s.io/v1 c 149
K ResourceSlice resource.k8s.io/v1beta1 c 150
K ResourceSlice resource.k8s.io/v1beta2 c 151
K ResourceSliceList resource.k8s.io/v1 n 152
K ResourceSliceList resource.k8s.io/v1beta1 n 153
K ResourceSliceList resource.k8s.io/v1beta2 n 154
K Role rbac.authorization.k8s.io/v1 n 155
K RoleBinding rbac.authorization.k8s.io/v1 n 156
K RoleBindingList rbac.authorization.k8s.io/v1 n 157
K RoleList rbac.authorization.k8s.io/v1 n 158
K RuntimeClass node.k8s.io/v1 c 159
K RuntimeClassList node.k8s.io/v1 n 160
K Scale autoscaling/v1 n 161
K Secret v1 n 162
K SecretList v1 n 163
K SelfSubjectAccessReview authorization.k8s.io/v1 c 164
K SelfSubjectReview authentication.k8s.io/v1 c 165
K SelfSubjectRulesReview authorization.k8s.io/v1 c 166
K Service v1 n 167
K ServiceAccount v1 n 168
K ServiceAccountList v1 n 169
K ServiceCIDR networking.k8s.io/v1 c 170
K ServiceCIDRList networking.k8s.io/v1 n 171
K ServiceList v1 n 172
K StatefulSet apps/v1 n 173
K StatefulSetList apps/v1 n 174
K Status v1 n 175
K StorageClass storage.k8s.io/v1 c 176
K StorageClassList storage.k8s.io/v1 n 177
K StorageVersion internal.apiserver.k8s.io/v1alpha1 c 178
K StorageVersionList internal.apiserver.k8s.io/v1alpha1 n 179
K StorageVersionMigration storagemigration.k8s.io/v1 c 180
K StorageVersionMigration storagemigration.k8s.io/v1beta1 c 181
K StorageVersionMigrationList storagemigration.k8s.io/v1 n 182
K StorageVersionMigrationList storagemigration.k8s.io/v1beta1 n 183
K SubjectAccessReview authorization.k8s.io/v1 c 184
K TokenRequest authentication.k8s.io/v1 n 185
K TokenReview authentication.k8s.io/v1 c 186
K ValidatingAdmissionPolicy admissionregistration.k8s.io/v1 c 187
K ValidatingAdmissionPolicyBinding admissionregistration.k8s.io/v1 c 188
K ValidatingAdmissionPolicyBindingList admissionregistration.k8s.io/v1 n 189
K ValidatingAdmissionPolicyList admissionregistration.k8s.io/v1 n 190
K ValidatingWebhookConfiguration admissionregistration.k8s.io/v1 c 191
K ValidatingWebhookConfigurationList admissionregistration.k8s.io/v1 n 192
K VolumeAttachment storage.k8s.io/v1 c 193
K VolumeAttachmentList storage.k8s.io/v1 n 194
K VolumeAttributesClass storage.k8s.io/v1 c 195
K VolumeAttributesClassList storage.k8s.io/v1 n 196
K Workload scheduling.k8s.io/v1alpha3 n 197
K Workload scheduling.k8s.io/v1beta1 n 198
K WorkloadList scheduling.k8s.io/v1alpha3 n 199
K WorkloadList scheduling.k8s.io/v1beta1 n 200
T meta.v1.APIGroup	-	apiVersion:s	kind:s	!name:s	preferredVersion:@201	serverAddressByClientCIDRs:[@202	!versions:[@201
T meta.v1.APIGroupList	-	apiVersion:s	!groups:[@0	kind:s
T meta.v1.APIResourceList	-	apiVersion:s	!groupVersion:s	kind:s	!resources:[@203
T apiregistration.v1.APIService	-	apiVersion:s	kind:s	metadata:@204	spec:@205	status:@206
T apiregistration.v1.APIServiceList	-	apiVersion:s	!items:[@3	kind:s	metadata:@207
T meta.v1.APIVersions	-	apiVersion:s	kind:s	!serverAddressByClientCIDRs:[@202	!versions:[s
T core.v1.Binding	-	apiVersion:s	kind:s	metadata:@204	!target:@208
T storage.v1.CSIDriver	-	apiVersion:s	kind:s	metadata:@204	!spec:@209
T storage.v1.CSIDriverList	-	apiVersion:s	!items:[@7	kind:s	metadata:@207
T storage.v1.CSINode	-	apiVersion:s	kind:s	metadata:@204	!spec:@210	status:@211
T storage.v1.CSINodeList	-	apiVersion:s	!items:[@9	kind:s	metadata:@207
T storage.v1.CSIStorageCapacity	-	apiVersion:s	capacity:q	kind:s	maximumVolumeSize:q	metadata:@204	nodeTopology:@212	!storageClassName:s
T storage.v1.CSIStorageCapacityList	-	apiVersion:s	!items:[@11	kind:s	metadata:@207
T certificates.v1.CertificateSigningRequest	-	apiVersion:s	kind:s	metadata:@204	!spec:@213	status:@214
T certificates.v1.CertificateSigningRequestList	-	apiVersion:s	!items:[@13	kind:s	metadata:@207
T rbac.v1.ClusterRole	-	aggregationRule:@215	apiVersion:s	kind:s	metadata:@204	rules:[@216
T rbac.v1.ClusterRoleBinding	-	apiVersion:s	kind:s	metadata:@204	!roleRef:@217	subjects:[@218
T rbac.v1.ClusterRoleBindingList	-	apiVersion:s	!items:[@16	kind:s	metadata:@207
T rbac.v1.ClusterRoleList	-	apiVersion:s	!items:[@15	kind:s	metadata:@207
T certificates.v1.ClusterTrustBundle	-	apiVersion:s	kind:s	metadata:@204	!spec:@219
T certificates.v1beta1.ClusterTrustBundle	-	apiVersion:s	kind:s	metadata:@204	!spec:@220
T certificates.v1.ClusterTrustBundleList	-	apiVersion:s	!items:[@19	kind:s	metadata:@207
T certificates.v1beta1.ClusterTrustBundleList	-	apiVersion:s	!items:[@20	kind:s	metadata:@207
T core.v1.ComponentStatus	-	apiVersion:s	conditions:[<type>@221	kind:s	metadata:@204
T core.v1.ComponentStatusList	-	apiVersion:s	!items:[@23	kind:s	metadata:@207
T scheduling.v1alpha3.CompositePodGroup	-	apiVersion:s	kind:s	metadata:@204	!spec:@222	status:@223
T scheduling.v1alpha3.CompositePodGroupList	-	apiVersion:s	!items:[@25	kind:s	metadata:@207
T core.v1.ConfigMap	-	apiVersion:s	binaryData:{s	data:{s	immutable:b	kind:s	metadata:@204
T core.v1.ConfigMapList	-	apiVersion:s	!items:[@27	kind:s	metadata:@207
T apps.v1.ControllerRevision	-	apiVersion:s	!data:*	kind:s	metadata:@204	revision:i
T apps.v1.ControllerRevisionList	-	apiVersion:s	!items:[@29	kind:s	metadata:@207
T batch.v1.CronJob	-	apiVersion:s	kind:s	metadata:@204	!spec:@224	status:@225
T batch.v1.CronJobList	-	apiVersion:s	!items:[@31	kind:s	metadata:@207
T apiextensions.v1.CustomResourceDefinition	-	apiVersion:s	kind:s	metadata:@204	!spec:@226	status:@227
T apiextensions.v1.CustomResourceDefinitionList	-	apiVersion:s	!items:[@33	kind:s	metadata:@207
T apps.v1.DaemonSet	-	apiVersion:s	kind:s	metadata:@204	!spec:@228	status:@229
T apps.v1.DaemonSetList	-	apiVersion:s	!items:[@35	kind:s	metadata:@207
T apps.v1.Deployment	-	apiVersion:s	kind:s	metadata:@204	!spec:@230	status:@231
T apps.v1.DeploymentList	-	apiVersion:s	!items:[@37	kind:s	metadata:@207
T resource.v1.DeviceClass	-	apiVersion:s	kind:s	metadata:@204	spec:@232
T resource.v1beta1.DeviceClass	-	apiVersion:s	kind:s	metadata:@204	spec:@233
T resource.v1beta2.DeviceClass	-	apiVersion:s	kind:s	metadata:@204	spec:@234
T resource.v1.DeviceClassList	-	apiVersion:s	!items:[@39	kind:s	metadata:@207
T resource.v1beta1.DeviceClassList	-	apiVersion:s	!items:[@40	kind:s	metadata:@207
T resource.v1beta2.DeviceClassList	-	apiVersion:s	!items:[@41	kind:s	metadata:@207
T resource.v1.DeviceTaintRule	-	apiVersion:s	kind:s	metadata:@204	!spec:@235	status:@236
T resource.v1alpha3.DeviceTaintRule	-	apiVersion:s	kind:s	metadata:@204	!spec:@237	status:@238
T resource.v1beta2.DeviceTaintRule	-	apiVersion:s	kind:s	metadata:@204	!spec:@239	status:@240
T resource.v1.DeviceTaintRuleList	-	apiVersion:s	!items:[@45	kind:s	metadata:@207
T resource.v1alpha3.DeviceTaintRuleList	-	apiVersion:s	!items:[@46	kind:s	metadata:@207
T resource.v1beta2.DeviceTaintRuleList	-	apiVersion:s	!items:[@47	kind:s	metadata:@207
T discovery.v1.EndpointSlice	-	!addressType:s	apiVersion:s	endpoints:[@241	kind:s	metadata:@204	ports:[@242
T discovery.v1.EndpointSliceList	-	apiVersion:s	!items:[@51	kind:s	metadata:@207
T core.v1.Endpoints	-	apiVersion:s	kind:s	metadata:@204	subsets:[@243
T core.v1.EndpointsList	-	apiVersion:s	!items:[@53	kind:s	metadata:@207
T events.v1.Event	-	action:s	apiVersion:s	deprecatedCount:i	deprecatedFirstTimestamp:s	deprecatedLastTimestamp:s	deprecatedSource:@244	!eventTime:s	kind:s	metadata:@204	note:s	reason:s	regarding:@208	related:@208	reportingController:s	reportingInstance:s	series:@245	type:s
T core.v1.Event	-	action:s	apiVersion:s	count:i	eventTime:s	firstTimestamp:s	!involvedObject:@208	kind:s	lastTimestamp:s	message:s	!metadata:@204	reason:s	related:@208	reportingComponent:s	reportingInstance:s	series:@246	source:@244	type:s
T events.v1.EventList	-	apiVersion:s	!items:[@55	kind:s	metadata:@207
T core.v1.EventList	-	apiVersion:s	!items:[@56	kind:s	metadata:@207
T lifecycle.v1alpha1.Eviction	-	apiVersion:s	kind:s	metadata:@204	!spec:@247	status:@248
T policy.v1.Eviction	-	apiVersion:s	deleteOptions:@249	kind:s	metadata:@204
T lifecycle.v1alpha1.EvictionList	-	apiVersion:s	!items:[@59	kind:s	metadata:@207
T lifecycle.v1alpha1.EvictionRequest	-	apiVersion:s	kind:s	metadata:@204	!spec:@250	status:@251
T lifecycle.v1alpha1.EvictionRequestList	-	apiVersion:s	!items:[@62	kind:s	metadata:@207
T flowcontrol.v1.FlowSchema	-	apiVersion:s	kind:s	metadata:@204	!spec:@252	status:@253
T flowcontrol.v1.FlowSchemaList	-	apiVersion:s	!items:[@64	kind:s	metadata:@207
T autoscaling.v1.HorizontalPodAutoscaler	-	apiVersion:s	kind:s	metadata:@204	!spec:@254	status:@255
T autoscaling.v2.HorizontalPodAutoscaler	-	apiVersion:s	kind:s	metadata:@204	!spec:@256	status:@257
T autoscaling.v1.HorizontalPodAutoscalerList	-	apiVersion:s	!items:[@66	kind:s	metadata:@207
T autoscaling.v2.HorizontalPodAutoscalerList	-	apiVersion:s	!items:[@67	kind:s	metadata:@207
T networking.v1.IPAddress	-	apiVersion:s	kind:s	metadata:@204	!spec:@258
T networking.v1.IPAddressList	-	apiVersion:s	!items:[@70	kind:s	metadata:@207
T networking.v1.Ingress	-	apiVersion:s	kind:s	metadata:@204	spec:@259	status:@260
T networking.v1.IngressClass	-	apiVersion:s	kind:s	metadata:@204	spec:@261
T networking.v1.IngressClassList	-	apiVersion:s	!items:[@73	kind:s	metadata:@207
T networking.v1.IngressList	-	apiVersion:s	!items:[@72	kind:s	metadata:@207
T batch.v1.Job	-	apiVersion:s	kind:s	metadata:@204	spec:@262	status:@263
T batch.v1.JobList	-	apiVersion:s	!items:[@76	kind:s	metadata:@207
T coordination.v1.Lease	-	apiVersion:s	kind:s	metadata:@204	spec:@264
T coordination.v1alpha2.LeaseCandidate	-	apiVersion:s	kind:s	metadata:@204	!spec:@265
T coordination.v1beta1.LeaseCandidate	-	apiVersion:s	kind:s	metadata:@204	!spec:@266
T coordination.v1alpha2.LeaseCandidateList	-	apiVersion:s	!items:[@79	kind:s	metadata:@207
T coordination.v1beta1.LeaseCandidateList	-	apiVersion:s	!items:[@80	kind:s	metadata:@207
T coordination.v1.LeaseList	-	apiVersion:s	!items:[@78	kind:s	metadata:@207
T core.v1.LimitRange	-	apiVersion:s	kind:s	metadata:@204	spec:@267
T core.v1.LimitRangeList	-	apiVersion:s	!items:[@84	kind:s	metadata:@207
T authorization.v1.LocalSubjectAccessReview	-	apiVersion:s	kind:s	metadata:@204	!spec:@268	status:@269
T admissionregistration.v1.MutatingAdmissionPolicy	-	apiVersion:s	kind:s	metadata:@204	spec:@270
T admissionregistration.v1alpha1.MutatingAdmissionPolicy	-	apiVersion:s	kind:s	metadata:@204	spec:@271
T admissionregistration.v1beta1.MutatingAdmissionPolicy	-	apiVersion:s	kind:s	metadata:@204	spec:@272
T admissionregistration.v1.MutatingAdmissionPolicyBinding	-	apiVersion:s	kind:s	metadata:@204	spec:@273
T admissionregistration.v1alpha1.MutatingAdmissionPolicyBinding	-	apiVersion:s	kind:s	metadata:@204	spec:@274
T admissionregistration.v1beta1.MutatingAdmissionPolicyBinding	-	apiVersion:s	kind:s	metadata:@204	spec:@275
T admissionregistration.v1.MutatingAdmissionPolicyBindingList	-	apiVersion:s	!items:[@90	kind:s	metadata:@207
T admissionregistration.v1alpha1.MutatingAdmissionPolicyBindingList	-	apiVersion:s	!items:[@91	kind:s	metadata:@207
T admissionregistration.v1beta1.MutatingAdmissionPolicyBindingList	-	apiVersion:s	!items:[@92	kind:s	metadata:@207
T admissionregistration.v1.MutatingAdmissionPolicyList	-	apiVersion:s	!items:[@87	kind:s	metadata:@207
T admissionregistration.v1alpha1.MutatingAdmissionPolicyList	-	apiVersion:s	!items:[@88	kind:s	metadata:@207
T admissionregistration.v1beta1.MutatingAdmissionPolicyList	-	apiVersion:s	!items:[@89	kind:s	metadata:@207
T admissionregistration.v1.MutatingWebhookConfiguration	-	apiVersion:s	kind:s	metadata:@204	webhooks:[<name>@276
T admissionregistration.v1.MutatingWebhookConfigurationList	-	apiVersion:s	!items:[@99	kind:s	metadata:@207
T core.v1.Namespace	-	apiVersion:s	kind:s	metadata:@204	spec:@277	status:@278
T core.v1.NamespaceList	-	apiVersion:s	!items:[@101	kind:s	metadata:@207
T networking.v1.NetworkPolicy	-	apiVersion:s	kind:s	metadata:@204	spec:@279
T networking.v1.NetworkPolicyList	-	apiVersion:s	!items:[@103	kind:s	metadata:@207
T core.v1.Node	-	apiVersion:s	kind:s	metadata:@204	spec:@280	status:@281
T core.v1.NodeList	-	apiVersion:s	!items:[@105	kind:s	metadata:@207
T core.v1.PersistentVolume	-	apiVersion:s	kind:s	metadata:@204	spec:@282	status:@283
T core.v1.PersistentVolumeClaim	-	apiVersion:s	kind:s	metadata:@204	spec:@284	status:@285
T core.v1.PersistentVolumeClaimList	-	apiVersion:s	!items:[@108	kind:s	metadata:@207
T core.v1.PersistentVolumeList	-	apiVersion:s	!items:[@107	kind:s	metadata:@207
T core.v1.Pod	-	apiVersion:s	kind:s	metadata:@204	spec:@286	status:@287
T certificates.v1.PodCertificateRequest	-	apiVersion:s	kind:s	metadata:@204	!spec:@288	status:@289
T certificates.v1beta1.PodCertificateRequest	-	apiVersion:s	kind:s	metadata:@204	!spec:@290	status:@291
T certificates.v1.PodCertificateRequestList	-	apiVersion:s	!items:[@112	kind:s	metadata:@207
T certificates.v1beta1.PodCertificateRequestList	-	apiVersion:s	!items:[@113	kind:s	metadata:@207
T policy.v1.PodDisruptionBudget	-	apiVersion:s	kind:s	metadata:@204	spec:@292	status:@293
T policy.v1.PodDisruptionBudgetList	-	apiVersion:s	!items:[@116	kind:s	metadata:@207
T scheduling.v1alpha3.PodGroup	-	apiVersion:s	kind:s	metadata:@204	!spec:@294	status:@295
T scheduling.v1beta1.PodGroup	-	apiVersion:s	kind:s	metadata:@204	!spec:@296	status:@297
T scheduling.v1alpha3.PodGroupList	-	apiVersion:s	!items:[@118	kind:s	metadata:@207
T scheduling.v1beta1.PodGroupList	-	apiVersion:s	!items:[@119	kind:s	metadata:@207
T core.v1.PodList	-	apiVersion:s	!items:[@111	kind:s	metadata:@207
T core.v1.PodTemplate	-	apiVersion:s	kind:s	metadata:@204	template:@298
T core.v1.PodTemplateList	-	apiVersion:s	!items:[@123	kind:s	metadata:@207
T scheduling.v1.PriorityClass	-	apiVersion:s	description:s	globalDefault:b	kind:s	metadata:@204	preemptionPolicy:s=Never|PreemptLowerPriority	value:i
T scheduling.v1.PriorityClassList	-	apiVersion:s	!items:[@125	kind:s	metadata:@207
T flowcontrol.v1.PriorityLevelConfiguration	-	apiVersion:s	kind:s	metadata:@204	!spec:@299	status:@300
T flowcontrol.v1.PriorityLevelConfigurationList	-	apiVersion:s	!items:[@127	kind:s	metadata:@207
T apps.v1.ReplicaSet	-	apiVersion:s	kind:s	metadata:@204	!spec:@301	status:@302
T apps.v1.ReplicaSetList	-	apiVersion:s	!items:[@129	kind:s	metadata:@207
T core.v1.ReplicationController	-	apiVersion:s	kind:s	metadata:@204	spec:@303	status:@304
T core.v1.ReplicationControllerList	-	apiVersion:s	!items:[@131	kind:s	metadata:@207
T resource.v1.ResourceClaim	-	apiVersion:s	kind:s	metadata:@204	spec:@305	status:@306
T resource.v1beta1.ResourceClaim	-	apiVersion:s	kind:s	metadata:@204	spec:@307	status:@308
T resource.v1beta2.ResourceClaim	-	apiVersion:s	kind:s	metadata:@204	spec:@309	status:@310
T resource.v1.ResourceClaimList	-	apiVersion:s	!items:[@133	kind:s	metadata:@207
T resource.v1beta1.ResourceClaimList	-	apiVersion:s	!items:[@134	kind:s	metadata:@207
T resource.v1beta2.ResourceClaimList	-	apiVersion:s	!items:[@135	kind:s	metadata:@207
T resource.v1.ResourceClaimTemplate	-	apiVersion:s	kind:s	metadata:@204	spec:@311
T resource.v1beta1.ResourceClaimTemplate	-	apiVersion:s	kind:s	metadata:@204	spec:@312
T resource.v1beta2.ResourceClaimTemplate	-	apiVersion:s	kind:s	metadata:@204	spec:@313
T resource.v1.ResourceClaimTemplateList	-	apiVersion:s	!items:[@139	kind:s	metadata:@207
T resource.v1beta1.ResourceClaimTemplateList	-	apiVersion:s	!items:[@140	kind:s	metadata:@207
T resource.v1beta2.ResourceClaimTemplateList	-	apiVersion:s	!items:[@141	kind:s	metadata:@207
T resource.v1alpha3.ResourcePoolStatusRequest	-	apiVersion:s	kind:s	!metadata:@204	!spec:@314	status:@315
T resource.v1alpha3.ResourcePoolStatusRequestList	-	apiVersion:s	!items:[@145	kind:s	metadata:@207
T core.v1.ResourceQuota	-	apiVersion:s	kind:s	metadata:@204	spec:@316	status:@317
T core.v1.ResourceQuotaList	-	apiVersion:s	!items:[@147	kind:s	metadata:@207
T resource.v1.ResourceSlice	-	apiVersion:s	kind:s	metadata:@204	!spec:@318
T resource.v1beta1.ResourceSlice	-	apiVersion:s	kind:s	metadata:@204	!spec:@319
T resource.v1beta2.ResourceSlice	-	apiVersion:s	kind:s	metadata:@204	!spec:@320
T resource.v1.ResourceSliceList	-	apiVersion:s	!items:[@149	kind:s	metadata:@207
T resource.v1beta1.ResourceSliceList	-	apiVersion:s	!items:[@150	kind:s	metadata:@207
T resource.v1beta2.ResourceSliceList	-	apiVersion:s	!items:[@151	kind:s	metadata:@207
T rbac.v1.Role	-	apiVersion:s	kind:s	metadata:@204	rules:[@216
T rbac.v1.RoleBinding	-	apiVersion:s	kind:s	metadata:@204	!roleRef:@217	subjects:[@218
T rbac.v1.RoleBindingList	-	apiVersion:s	!items:[@156	kind:s	metadata:@207
T rbac.v1.RoleList	-	apiVersion:s	!items:[@155	kind:s	metadata:@207
T node.v1.RuntimeClass	-	apiVersion:s	!handler:s	kind:s	metadata:@204	overhead:@321	scheduling:@322
T node.v1.RuntimeClassList	-	apiVersion:s	!items:[@159	kind:s	metadata:@207
T autoscaling.v1.Scale	-	apiVersion:s	kind:s	metadata:@204	spec:@323	status:@324
T core.v1.Secret	-	apiVersion:s	data:{s	immutable:b	kind:s	metadata:@204	stringData:{s	type:s
T core.v1.SecretList	-	apiVersion:s	!items:[@162	kind:s	metadata:@207
T authorization.v1.SelfSubjectAccessReview	-	apiVersion:s	kind:s	metadata:@204	!spec:@325	status:@269
T authentication.v1.SelfSubjectReview	-	apiVersion:s	kind:s	metadata:@204	status:@326
T authorization.v1.SelfSubjectRulesReview	-	apiVersion:s	kind:s	metadata:@204	!spec:@327	status:@328
T core.v1.Service	-	apiVersion:s	kind:s	metadata:@204	spec:@329	status:@330
T core.v1.ServiceAccount	-	apiVersion:s	automountServiceAccountToken:b	imagePullSecrets:[@331	kind:s	metadata:@204	secrets:[<name>@208
T core.v1.ServiceAccountList	-	apiVersion:s	!items:[@168	kind:s	metadata:@207
T networking.v1.ServiceCIDR	-	apiVersion:s	kind:s	metadata:@204	spec:@332	status:@333
T networking.v1.ServiceCIDRList	-	apiVersion:s	!items:[@170	kind:s	metadata:@207
T core.v1.ServiceList	-	apiVersion:s	!items:[@167	kind:s	metadata:@207
T apps.v1.StatefulSet	-	apiVersion:s	kind:s	metadata:@204	!spec:@334	status:@335
T apps.v1.StatefulSetList	-	apiVersion:s	!items:[@173	kind:s	metadata:@207
T meta.v1.Status	-	apiVersion:s	code:i	details:@336	kind:s	message:s	metadata:@207	reason:s	status:s=Failure|Success
T storage.v1.StorageClass	-	allowVolumeExpansion:b	allowedTopologies:[@337	apiVersion:s	kind:s	metadata:@204	mountOptions:[s	parameters:{s	!provisioner:s	reclaimPolicy:s	volumeBindingMode:s
T storage.v1.StorageClassList	-	apiVersion:s	!items:[@176	kind:s	metadata:@207
T apiserverinternal.v1alpha1.StorageVersion	-	apiVersion:s	kind:s	!metadata:@204	spec:*	status:@338
T apiserverinternal.v1alpha1.StorageVersionList	-	apiVersion:s	!items:[@178	kind:s	metadata:@207
T storagemigration.v1.StorageVersionMigration	-	apiVersion:s	kind:s	metadata:@204	spec:@339	status:@340
T storagemigration.v1beta1.StorageVersionMigration	-	apiVersion:s	kind:s	metadata:@204	spec:@341	status:@342
T storagemigration.v1.StorageVersionMigrationList	-	apiVersion:s	!items:[@180	kind:s	metadata:@207
T storagemigration.v1beta1.StorageVersionMigrationList	-	apiVersion:s	!items:[@181	kind:s	metadata:@207
T authorization.v1.SubjectAccessReview	-	apiVersion:s	kind:s	metadata:@204	!spec:@268	status:@269
T authentication.v1.TokenRequest	-	apiVersion:s	kind:s	metadata:@204	spec:@343	status:@344
T authentication.v1.TokenReview	-	apiVersion:s	kind:s	metadata:@204	!spec:@345	status:@346
T admissionregistration.v1.ValidatingAdmissionPolicy	-	apiVersion:s	kind:s	metadata:@204	spec:@347	status:@348
T admissionregistration.v1.ValidatingAdmissionPolicyBinding	-	apiVersion:s	kind:s	metadata:@204	!spec:@349
T admissionregistration.v1.ValidatingAdmissionPolicyBindingList	-	apiVersion:s	!items:[@188	kind:s	metadata:@207
T admissionregistration.v1.ValidatingAdmissionPolicyList	-	apiVersion:s	!items:[@187	kind:s	metadata:@207
T admissionregistration.v1.ValidatingWebhookConfiguration	-	apiVersion:s	kind:s	metadata:@204	webhooks:[<name>@350
T admissionregistration.v1.ValidatingWebhookConfigurationList	-	apiVersion:s	!items:[@191	kind:s	metadata:@207
T storage.v1.VolumeAttachment	-	apiVersion:s	kind:s	metadata:@204	!spec:@351	status:@352
T storage.v1.VolumeAttachmentList	-	apiVersion:s	!items:[@193	kind:s	metadata:@207
T storage.v1.VolumeAttributesClass	-	apiVersion:s	!driverName:s	kind:s	metadata:@204	parameters:{s
T storage.v1.VolumeAttributesClassList	-	apiVersion:s	!items:[@195	kind:s	metadata:@207
T scheduling.v1alpha3.Workload	-	apiVersion:s	kind:s	metadata:@204	!spec:@353
T scheduling.v1beta1.Workload	-	apiVersion:s	kind:s	metadata:@204	!spec:@354
T scheduling.v1alpha3.WorkloadList	-	apiVersion:s	!items:[@197	kind:s	metadata:@207
T scheduling.v1beta1.WorkloadList	-	apiVersion:s	!items:[@198	kind:s	metadata:@207
T meta.v1.GroupVersionForDiscovery	-	!groupVersion:s	!version:s
T meta.v1.ServerAddressByClientCIDR	-	!clientCIDR:s	!serverAddress:s
T meta.v1.APIResource	-	categories:[s	group:s	!kind:s	!name:s	!namespaced:b	shortNames:[s	!singularName:s	storageVersionHash:s	!verbs:[s	version:s
T meta.v1.ObjectMeta	-	annotations:{s	creationTimestamp:s	deletionGracePeriodSeconds:i	deletionTimestamp:s	finalizers:[s	generateName:s	generation:i	labels:{s	managedFields:[@355	name:s	namespace:s	ownerReferences:[<uid>@356	resourceVersion:s	selfLink:s	uid:s
T apiregistration.v1.APIServiceSpec	-	caBundle:s	group:s	!groupPriorityMinimum:i	insecureSkipTLSVerify:b	service:@357	version:s	!versionPriority:i
T apiregistration.v1.APIServiceStatus	-	conditions:[<type>@358
T meta.v1.ListMeta	-	continue:s	remainingItemCount:i	resourceVersion:s	selfLink:s	shardInfo:@359
T core.v1.ObjectReference	-	apiVersion:s	fieldPath:s	kind:s	name:s	namespace:s	resourceVersion:s	uid:s
T storage.v1.CSIDriverSpec	-	attachRequired:b	fsGroupPolicy:s	nodeAllocatableUpdatePeriodSeconds:i	podInfoOnMount:b	preventPodSchedulingIfMissing:b	requiresRepublish:b	seLinuxMount:b	serviceAccountTokenInSecrets:b	storageCapacity:b	tokenRequests:[@360	volumeLifecycleModes:[s
T storage.v1.CSINodeSpec	-	!drivers:[<name>@361
T storage.v1.CSINodeStatus	-	storageHealth:[<name>@362
T meta.v1.LabelSelector	-	matchExpressions:[@363	matchLabels:{s
T certificates.v1.CertificateSigningRequestSpec	-	expirationSeconds:i	extra:{[s	groups:[s	!request:s	!signerName:s	uid:s	usages:[s	username:s
T certificates.v1.CertificateSigningRequestStatus	-	certificate:s	conditions:[<type>@364
T rbac.v1.AggregationRule	-	clusterRoleSelectors:[@212
T rbac.v1.PolicyRule	-	apiGroups:[s	nonResourceURLs:[s	resourceNames:[s	resources:[s	!verbs:[s
T rbac.v1.RoleRef	-	apiGroup:s	!kind:s	!name:s
T rbac.v1.Subject	-	apiGroup:s	!kind:s	!name:s	namespace:s
T certificates.v1.ClusterTrustBundleSpec	-	signerName:s	!trustBundle:s
T certificates.v1beta1.ClusterTrustBundleSpec	-	signerName:s	!trustBundle:s
T core.v1.ComponentCondition	-	error:s	message:s	!status:s	!type:s
T scheduling.v1alpha3.CompositePodGroupSpec	-	disruptionMode:@365	parentCompositePodGroupName:s	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	schedulingConstraints:@366	!schedulingPolicy:@367	!workloadRef:@368
T scheduling.v1alpha3.CompositePodGroupStatus	-	conditions:[<type>@369
T batch.v1.CronJobSpec	-	concurrencyPolicy:s	failedJobsHistoryLimit:i	!jobTemplate:@370	!schedule:s	startingDeadlineSeconds:i	successfulJobsHistoryLimit:i	suspend:b	timeZone:s
T batch.v1.CronJobStatus	-	active:[@208	lastScheduleTime:s	lastSuccessfulTime:s
T apiextensions.v1.CustomResourceDefinitionSpec	-	conversion:@371	!group:s	!names:@372	preserveUnknownFields:b	!scope:s=Cluster|Namespaced	!versions:[@373
T apiextensions.v1.CustomResourceDefinitionStatus	-	acceptedNames:@372	conditions:[<type>@374	observedGeneration:i	storedVersions:[s
T apps.v1.DaemonSetSpec	-	minReadySeconds:i	revisionHistoryLimit:i	!selector:@212	!template:@298	updateStrategy:@375
T apps.v1.DaemonSetStatus	-	collisionCount:i	conditions:[<type>@376	!currentNumberScheduled:i	!desiredNumberScheduled:i	numberAvailable:i	!numberMisscheduled:i	!numberReady:i	numberUnavailable:i	observedGeneration:i	updatedNumberScheduled:i
T apps.v1.DeploymentSpec	-	minReadySeconds:i	paused:b	progressDeadlineSeconds:i	replicas:i	revisionHistoryLimit:i	!selector:@212	strategy:@377	!template:@298
T apps.v1.DeploymentStatus	-	availableReplicas:i	collisionCount:i	conditions:[<type>@378	observedGeneration:i	readyReplicas:i	replicas:i	terminatingReplicas:i	unavailableReplicas:i	updatedReplicas:i
T resource.v1.DeviceClassSpec	-	config:[@379	extendedResourceName:s	selectors:[@380
T resource.v1beta1.DeviceClassSpec	-	config:[@381	extendedResourceName:s	selectors:[@382
T resource.v1beta2.DeviceClassSpec	-	config:[@383	extendedResourceName:s	selectors:[@384
T resource.v1.DeviceTaintRuleSpec	-	deviceSelector:@385	!taint:@386
T resource.v1.DeviceTaintRuleStatus	-	conditions:[<type>@369
T resource.v1alpha3.DeviceTaintRuleSpec	-	deviceSelector:@387	!taint:@388
T resource.v1alpha3.DeviceTaintRuleStatus	-	conditions:[<type>@369
T resource.v1beta2.DeviceTaintRuleSpec	-	deviceSelector:@389	!taint:@390
T resource.v1beta2.DeviceTaintRuleStatus	-	conditions:[<type>@369
T discovery.v1.Endpoint	-	!addresses:[s	conditions:@391	deprecatedTopology:{s	hints:@392	hostname:s	nodeName:s	targetRef:@208	zone:s
T discovery.v1.EndpointPort	-	appProtocol:s	name:s	port:i	protocol:s=SCTP|TCP|UDP
T core.v1.EndpointSubset	-	addresses:[@393	notReadyAddresses:[@393	ports:[@394
T core.v1.EventSource	-	component:s	host:s
T events.v1.EventSeries	-	!count:i	!lastObservedTime:s
T core.v1.EventSeries	-	count:i	lastObservedTime:s
T lifecycle.v1alpha1.EvictionSpec	-	!target:@395
T lifecycle.v1alpha1.EvictionStatus	-	conditions:[<type>@369	observedGeneration:i	requesters:[<name>@396	responders:[<name>@397	targetResponders:[<name>@398
T meta.v1.DeleteOptions	-	apiVersion:s	dryRun:[s	gracePeriodSeconds:i	ignoreStoreReadErrorWithClusterBreakingPotential:b	kind:s	orphanDependents:b	preconditions:@399	propagationPolicy:s
T lifecycle.v1alpha1.EvictionRequestSpec	-	!intent:s	!requester:s	!target:@400
T lifecycle.v1alpha1.EvictionRequestStatus	-	conditions:[<type>@369	observedGeneration:i
T flowcontrol.v1.FlowSchemaSpec	-	distinguisherMethod:@401	matchingPrecedence:i	!priorityLevelConfiguration:@402	rules:[@403
T flowcontrol.v1.FlowSchemaStatus	-	conditions:[<type>@404
T autoscaling.v1.HorizontalPodAutoscalerSpec	-	!maxReplicas:i	minReplicas:i	!scaleTargetRef:@405	targetCPUUtilizationPercentage:i
T autoscaling.v1.HorizontalPodAutoscalerStatus	-	currentCPUUtilizationPercentage:i	!currentReplicas:i	!desiredReplicas:i	lastScaleTime:s	observedGeneration:i
T autoscaling.v2.HorizontalPodAutoscalerSpec	-	behavior:@406	!maxReplicas:i	metrics:[@407	minReplicas:i	!scaleTargetRef:@408
T autoscaling.v2.HorizontalPodAutoscalerStatus	-	conditions:[<type>@409	currentMetrics:[@410	currentReplicas:i	!desiredReplicas:i	lastScaleTime:s	observedGeneration:i
T networking.v1.IPAddressSpec	-	!parentRef:@411
T networking.v1.IngressSpec	-	defaultBackend:@412	ingressClassName:s	rules:[@413	tls:[@414
T networking.v1.IngressStatus	-	loadBalancer:@415
T networking.v1.IngressClassSpec	-	controller:s	parameters:@416
T batch.v1.JobSpec	-	activeDeadlineSeconds:i	backoffLimit:i	backoffLimitPerIndex:i	completionMode:s	completions:i	managedBy:s	manualSelector:b	maxFailedIndexes:i	parallelism:i	podFailurePolicy:@417	podReplacementPolicy:s	scheduling:@418	selector:@212	successPolicy:@419	suspend:b	!template:@298	ttlSecondsAfterFinished:i
T batch.v1.JobStatus	-	active:i	completedIndexes:s	completionTime:s	conditions:[@420	failed:i	failedIndexes:s	ready:i	startTime:s	succeeded:i	terminating:i	uncountedTerminatedPods:@421
T coordination.v1.LeaseSpec	-	acquireTime:s	holderIdentity:s	leaseDurationSeconds:i	leaseTransitions:i	preferredHolder:s	renewTime:s	strategy:s
T coordination.v1alpha2.LeaseCandidateSpec	-	!binaryVersion:s	emulationVersion:s	!leaseName:s	pingTime:s	renewTime:s	!strategy:s
T coordination.v1beta1.LeaseCandidateSpec	-	!binaryVersion:s	emulationVersion:s	!leaseName:s	pingTime:s	renewTime:s	!strategy:s
T core.v1.LimitRangeSpec	-	!limits:[@422
T authorization.v1.SubjectAccessReviewSpec	-	extra:{[s	groups:[s	nonResourceAttributes:@423	resourceAttributes:@424	uid:s	user:s
T authorization.v1.SubjectAccessReviewStatus	-	!allowed:b	denied:b	evaluationError:s	reason:s
T admissionregistration.v1.MutatingAdmissionPolicySpec	-	failurePolicy:s=Fail|Ignore	matchConditions:[<name>@425	matchConstraints:@426	mutations:[@427	paramKind:@428	reinvocationPolicy:s=IfNeeded|Never	variables:[@429
T admissionregistration.v1alpha1.MutatingAdmissionPolicySpec	-	failurePolicy:s=Fail|Ignore	matchConditions:[<name>@430	matchConstraints:@431	mutations:[@432	paramKind:@433	reinvocationPolicy:s=IfNeeded|Never	variables:[@434
T admissionregistration.v1beta1.MutatingAdmissionPolicySpec	-	failurePolicy:s=Fail|Ignore	matchConditions:[<name>@435	matchConstraints:@436	mutations:[@437	paramKind:@438	reinvocationPolicy:s=IfNeeded|Never	variables:[@439
T admissionregistration.v1.MutatingAdmissionPolicyBindingSpec	-	matchResources:@426	paramRef:@440	policyName:s
T admissionregistration.v1alpha1.MutatingAdmissionPolicyBindingSpec	-	matchResources:@431	paramRef:@441	policyName:s
T admissionregistration.v1beta1.MutatingAdmissionPolicyBindingSpec	-	matchResources:@436	paramRef:@442	policyName:s
T admissionregistration.v1.MutatingWebhook	-	!admissionReviewVersions:[s	!clientConfig:@443	failurePolicy:s=Fail|Ignore	matchConditions:[<name>@425	matchPolicy:s=Equivalent|Exact	!name:s	namespaceSelector:@212	objectSelector:@212	reinvocationPolicy:s=IfNeeded|Never	rules:[@444	!sideEffects:s	timeoutSeconds:i
T core.v1.NamespaceSpec	-	finalizers:[s
T core.v1.NamespaceStatus	-	conditions:[<type>@445	phase:s
T networking.v1.NetworkPolicySpec	-	egress:[@446	ingress:[@447	podSelector:@212	policyTypes:[s
T core.v1.NodeSpec	-	configSource:@448	externalID:s	podCIDR:s	podCIDRs:[s	podPreemptionPolicy:@449	providerID:s	taints:[@450	unschedulable:b
T core.v1.NodeStatus	-	addresses:[<type>@451	allocatable:{q	capacity:{q	conditions:[<type>@452	config:@453	daemonEndpoints:@454	declaredFeatures:[s	features:@455	images:[@456	nodeInfo:@457	phase:s	runtimeHandlers:[@458	volumesAttached:[@459	volumesInUse:[s
T core.v1.PersistentVolumeSpec	-	accessModes:[s	awsElasticBlockStore:@460	azureDisk:@461	azureFile:@462	capacity:{q	cephfs:@463	cinder:@464	claimRef:@208	csi:@465	fc:@466	flexVolume:@467	flocker:@468	gcePersistentDisk:@469	glusterfs:@470	hostPath:@471	iscsi:@472	local:@473	mountOptions:[s	nfs:@474	nodeAffinity:@475	persistentVolumeReclaimPolicy:s	photonPersistentDisk:@476	portworxVolume:@477	quobyte:@478	rbd:@479	scaleIO:@480	storageClassName:s	storageos:@481	volumeAttributesClassName:s	volumeMode:s	vsphereVolume:@482
T core.v1.PersistentVolumeStatus	-	lastPhaseTransitionTime:s	message:s	phase:s	reason:s
T core.v1.PersistentVolumeClaimSpec	-	accessModes:[s	dataSource:@483	dataSourceRef:@484	resources:@485	selector:@212	storageClassName:s	volumeAttributesClassName:s	volumeMode:s	volumeName:s
T core.v1.PersistentVolumeClaimStatus	-	accessModes:[s	allocatedResourceStatuses:{s	allocatedResources:{q	capacity:{q	conditions:[<type>@486	currentVolumeAttributesClassName:s	healthStatus:@487	modifyVolumeStatus:@488	phase:s
T core.v1.PodSpec	-	activeDeadlineSeconds:i	affinity:@489	automountServiceAccountToken:b	!containers:[<name>@490	dnsConfig:@491	dnsPolicy:s=ClusterFirst|ClusterFirstWithHostNet|Default|None	enableServiceLinks:b	ephemeralContainers:[<name>@492	evictionResponders:[<name>@493	hostAliases:[<ip>@494	hostIPC:b	hostNetwork:b	hostPID:b	hostUsers:b	hostname:s	hostnameOverride:s	imagePullSecrets:[<name>@331	initContainers:[<name>@490	nodeName:s	nodeSelector:{s	os:@495	overhead:{q	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	readinessGates:[@496	resourceClaims:[<name>@497	resources:@498	restartPolicy:s=Always|Never|OnFailure	runtimeClassName:s	schedulerName:s	schedulingGates:[<name>@499	schedulingGroup:@500	securityContext:@501	serviceAccount:s	serviceAccountName:s	setHostnameAsFQDN:b	shareProcessNamespace:b	subdomain:s	terminationGracePeriodSeconds:i	tolerations:[@502	topologySpreadConstraints:[<topologyKey,whenUnsatisfiable>@503	volumes:[<name>@504
T core.v1.PodStatus	-	allocatedResources:{q	conditions:[<type>@505	containerStatuses:[@506	ephemeralContainerStatuses:[@506	extendedResourceClaimStatus:@507	hostIP:s	hostIPs:[@508	initContainerStatuses:[@506	message:s	nodeAllocatableResourceClaimStatuses:[<resourceClaimName>@509	nominatedNodeName:s	observedGeneration:i	phase:s	podIP:s	podIPs:[<ip>@510	qosClass:s	reason:s	resize:s	resourceClaimStatuses:[<name>@511	resources:@498	startTime:s	volumeHealth:[<name>@512
T certificates.v1.PodCertificateRequestSpec	-	maxExpirationSeconds:i	!nodeName:s	!nodeUID:s	!podName:s	!podUID:s	!serviceAccountName:s	!serviceAccountUID:s	!signerName:s	!stubPKCS10Request:s=ECDSAP256|ECDSAP384|ECDSAP521|ED25519|RSA3072|RSA4096	unverifiedUserAnnotations:{s
T certificates.v1.PodCertificateRequestStatus	-	beginRefreshAt:s	certificateChain:s	conditions:[<type>@369	notAfter:s	notBefore:s
T certificates.v1beta1.PodCertificateRequestSpec	-	maxExpirationSeconds:i	!nodeName:s	!nodeUID:s	pkixPublicKey:s=ECDSAP256|ECDSAP384|ECDSAP521|ED25519|RSA3072|RSA4096	!podName:s	!podUID:s	proofOfPossession:s	!serviceAccountName:s	!serviceAccountUID:s	!signerName:s	!stubPKCS10Request:s=ECDSAP256|ECDSAP384|ECDSAP521|ED25519|RSA3072|RSA4096	unverifiedUserAnnotations:{s
T certificates.v1beta1.PodCertificateRequestStatus	-	beginRefreshAt:s	certificateChain:s	conditions:[<type>@369	notAfter:s	notBefore:s
T policy.v1.PodDisruptionBudgetSpec	-	maxUnavailable:x	minAvailable:x	selector:@212	unhealthyPodEvictionPolicy:s
T policy.v1.PodDisruptionBudgetStatus	-	conditions:[<type>@369	currentHealthy:i	desiredHealthy:i	disruptedPods:{s	disruptionsAllowed:i	expectedPods:i	observedGeneration:i
T scheduling.v1alpha3.PodGroupSpec	-	disruptionMode:@513	parentCompositePodGroupName:s	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	resourceClaims:[<name>@514	schedulingConstraints:@515	!schedulingPolicy:@516	workloadRef:@368
T scheduling.v1alpha3.PodGroupStatus	-	conditions:[<type>@369	resourceClaimStatuses:[<name>@517
T scheduling.v1beta1.PodGroupSpec	-	disruptionMode:@518	parentCompositePodGroupName:s	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	resourceClaims:[<name>@519	schedulingConstraints:@520	!schedulingPolicy:@521	workloadRef:@522
T scheduling.v1beta1.PodGroupStatus	-	conditions:[<type>@369	resourceClaimStatuses:[<name>@523
T core.v1.PodTemplateSpec	-	metadata:@204	spec:@286
T flowcontrol.v1.PriorityLevelConfigurationSpec	-	exempt:@524	limited:@525	!type:s
T flowcontrol.v1.PriorityLevelConfigurationStatus	-	conditions:[<type>@526
T apps.v1.ReplicaSetSpec	-	minReadySeconds:i	replicas:i	!selector:@212	template:@298
T apps.v1.ReplicaSetStatus	-	availableReplicas:i	conditions:[<type>@527	fullyLabeledReplicas:i	observedGeneration:i	readyReplicas:i	!replicas:i	terminatingReplicas:i
T core.v1.ReplicationControllerSpec	-	minReadySeconds:i	replicas:i	selector:{s	template:@298
T core.v1.ReplicationControllerStatus	-	availableReplicas:i	conditions:[<type>@528	fullyLabeledReplicas:i	observedGeneration:i	readyReplicas:i	!replicas:i
T resource.v1.ResourceClaimSpec	-	devices:@529
T resource.v1.ResourceClaimStatus	-	allocation:@530	devices:[<driver,device,pool,shareID>@531	reservedFor:[<uid>@532
T resource.v1beta1.ResourceClaimSpec	-	devices:@533
T resource.v1beta1.ResourceClaimStatus	-	allocation:@534	devices:[<driver,device,pool,shareID>@535	reservedFor:[<uid>@536
T resource.v1beta2.ResourceClaimSpec	-	devices:@537
T resource.v1beta2.ResourceClaimStatus	-	allocation:@538	devices:[<driver,device,pool,shareID>@539	reservedFor:[<uid>@540
T resource.v1.ResourceClaimTemplateSpec	-	metadata:@204	spec:@305
T resource.v1beta1.ResourceClaimTemplateSpec	-	metadata:@204	spec:@307
T resource.v1beta2.ResourceClaimTemplateSpec	-	metadata:@204	spec:@309
T resource.v1alpha3.ResourcePoolStatusRequestSpec	-	defaultPartitionTypeAttribute:s	!driver:s	limit:i	poolName:s
T resource.v1alpha3.ResourcePoolStatusRequestStatus	-	conditions:[<type>@369	!poolCount:i	pools:[@541
T core.v1.ResourceQuotaSpec	-	hard:{q	scopeSelector:@542	scopes:[s
T core.v1.ResourceQuotaStatus	-	hard:{q	used:{q
T resource.v1.ResourceSliceSpec	-	allNodes:b	devices:[@543	!driver:s	nodeName:s	nodeSelector:@544	partitionTypeAttribute:s	perDeviceNodeSelection:b	!pool:@545	sharedCounters:[@546	skipNodeOperations:[s
T resource.v1beta1.ResourceSliceSpec	-	allNodes:b	devices:[@547	!driver:s	nodeName:s	nodeSelector:@544	partitionTypeAttribute:s	perDeviceNodeSelection:b	!pool:@548	sharedCounters:[@549	skipNodeOperations:[s
T resource.v1beta2.ResourceSliceSpec	-	allNodes:b	devices:[@550	!driver:s	nodeName:s	nodeSelector:@544	partitionTypeAttribute:s	perDeviceNodeSelection:b	!pool:@551	sharedCounters:[@552	skipNodeOperations:[s
T node.v1.Overhead	-	podFixed:{q
T node.v1.Scheduling	-	nodeSelector:{s	tolerations:[@502
T autoscaling.v1.ScaleSpec	-	replicas:i
T autoscaling.v1.ScaleStatus	-	!replicas:i	selector:s
T authorization.v1.SelfSubjectAccessReviewSpec	-	nonResourceAttributes:@423	resourceAttributes:@424
T authentication.v1.SelfSubjectReviewStatus	-	userInfo:@553
T authorization.v1.SelfSubjectRulesReviewSpec	-	namespace:s
T authorization.v1.SubjectRulesReviewStatus	-	evaluationError:s	!incomplete:b	!nonResourceRules:[@554	!resourceRules:[@555
T core.v1.ServiceSpec	-	allocateLoadBalancerNodePorts:b	clusterIP:s	clusterIPs:[s	externalIPs:[s	externalName:s	externalTrafficPolicy:s	healthCheckNodePort:i	internalTrafficPolicy:s	ipFamilies:[s	ipFamilyPolicy:s	loadBalancerClass:s	loadBalancerIP:s	loadBalancerSourceRanges:[s	ports:[<port,protocol>@556	publishNotReadyAddresses:b	selector:{s	sessionAffinity:s=ClientIP|None	sessionAffinityConfig:@557	trafficDistribution:s	type:s=ClusterIP|ExternalName|LoadBalancer|NodePort
T core.v1.ServiceStatus	-	conditions:[<type>@369	loadBalancer:@558
T core.v1.LocalObjectReference	-	name:s
T networking.v1.ServiceCIDRSpec	-	cidrs:[s
T networking.v1.ServiceCIDRStatus	-	conditions:[<type>@369
T apps.v1.StatefulSetSpec	-	minReadySeconds:i	ordinals:@559	persistentVolumeClaimRetentionPolicy:@560	podManagementPolicy:s	replicas:i	revisionHistoryLimit:i	!selector:@212	serviceName:s	!template:@298	updateStrategy:@561	volumeClaimTemplates:[@108
T apps.v1.StatefulSetStatus	-	availableReplicas:i	collisionCount:i	conditions:[<type>@562	currentReplicas:i	currentRevision:s	observedGeneration:i	readyReplicas:i	!replicas:i	updateRevision:s	updatedReplicas:i
T meta.v1.StatusDetails	-	causes:[@563	group:s	kind:s	name:s	retryAfterSeconds:i	uid:s
T core.v1.TopologySelectorTerm	-	matchLabelExpressions:[@564
T apiserverinternal.v1alpha1.StorageVersionStatus	-	commonEncodingVersion:s	conditions:[<type>@565	storageVersions:[<apiServerID>@566
T storagemigration.v1.StorageVersionMigrationSpec	-	!resource:@567
T storagemigration.v1.StorageVersionMigrationStatus	-	conditions:[<type>@369	resourceVersion:s
T storagemigration.v1beta1.StorageVersionMigrationSpec	-	!resource:@567
T storagemigration.v1beta1.StorageVersionMigrationStatus	-	conditions:[<type>@369	resourceVersion:s
T authentication.v1.TokenRequestSpec	-	attestations:{[s	audiences:[s	boundObjectRef:@568	expirationSeconds:i
T authentication.v1.TokenRequestStatus	-	expirationTimestamp:s	token:s
T authentication.v1.TokenReviewSpec	-	audiences:[s	!token:s
T authentication.v1.TokenReviewStatus	-	audiences:[s	authenticated:b	error:s	user:@553
T admissionregistration.v1.ValidatingAdmissionPolicySpec	-	auditAnnotations:[@569	failurePolicy:s=Fail|Ignore	matchConditions:[<name>@425	matchConstraints:@426	paramKind:@428	validations:[@570	variables:[<name>@429
T admissionregistration.v1.ValidatingAdmissionPolicyStatus	-	conditions:[<type>@369	observedGeneration:i	typeChecking:@571
T admissionregistration.v1.ValidatingAdmissionPolicyBindingSpec	-	matchResources:@426	paramRef:@440	!policyName:s	!validationActions:[s
T admissionregistration.v1.ValidatingWebhook	-	!admissionReviewVersions:[s	!clientConfig:@443	failurePolicy:s=Fail|Ignore	matchConditions:[<name>@425	matchPolicy:s=Equivalent|Exact	!name:s	namespaceSelector:@212	objectSelector:@212	rules:[@444	!sideEffects:s	timeoutSeconds:i
T storage.v1.VolumeAttachmentSpec	-	!attacher:s	!nodeName:s	!source:@572
T storage.v1.VolumeAttachmentStatus	-	attachError:@573	!attached:b	attachmentMetadata:{s	detachError:@573
T scheduling.v1alpha3.WorkloadSpec	-	compositePodGroupTemplates:[<name>@574	controllerRef:@575	podGroupTemplates:[<name>@576
T scheduling.v1beta1.WorkloadSpec	-	compositePodGroupTemplates:[<name>@577	controllerRef:@578	podGroupTemplates:[<name>@579
T meta.v1.ManagedFieldsEntry	-	apiVersion:s	fieldsType:s	fieldsV1:*	manager:s	operation:s	subresource:s	time:s
T meta.v1.OwnerReference	-	!apiVersion:s	blockOwnerDeletion:b	controller:b	!kind:s	!name:s	!uid:s
T apiregistration.v1.ServiceReference	-	name:s	namespace:s	port:i
T apiregistration.v1.APIServiceCondition	-	lastTransitionTime:s	message:s	reason:s	!status:s=False|True|Unknown	!type:s
T meta.v1.ShardInfo	-	!selector:s
T storage.v1.TokenRequest	-	!audience:s	expirationSeconds:i
T storage.v1.CSINodeDriver	-	allocatable:@580	!name:s	!nodeID:s	topologyKeys:[s
T storage.v1.StorageHealth	-	healthConditions:[@581	!name:s
T meta.v1.LabelSelectorRequirement	-	!key:s	!operator:s	values:[s
T certificates.v1.CertificateSigningRequestCondition	-	lastTransitionTime:s	lastUpdateTime:s	message:s	reason:s	!status:s=False|True|Unknown	!type:s
T scheduling.v1alpha3.CompositeDisruptionMode	-	all:*	single:*
T scheduling.v1alpha3.CompositePodGroupSchedulingConstraints	-	topology:[@582
T scheduling.v1alpha3.CompositePodGroupSchedulingPolicy	-	basic:*	gang:@583
T scheduling.v1alpha3.WorkloadReference	-	!templateName:s	!workloadName:s
T meta.v1.Condition	-	!lastTransitionTime:s	!message:s	observedGeneration:i	!reason:s	!status:s=False|True|Unknown	!type:s
T batch.v1.JobTemplateSpec	-	metadata:@204	spec:@262
T apiextensions.v1.CustomResourceConversion	-	!strategy:s	webhook:@584
T apiextensions.v1.CustomResourceDefinitionNames	-	categories:[s	!kind:s	listKind:s	!plural:s	shortNames:[s	singular:s
T apiextensions.v1.CustomResourceDefinitionVersion	-	additionalPrinterColumns:[@585	deprecated:b	deprecationWarning:s	!name:s	schema:@586	selectableFields:[@587	!served:b	!storage:b	subresources:@588
T apiextensions.v1.CustomResourceDefinitionCondition	-	lastTransitionTime:s	message:s	observedGeneration:i	reason:s	!status:s=False|True|Unknown	!type:s
T apps.v1.DaemonSetUpdateStrategy	-	rollingUpdate:@589	type:s=OnDelete|RollingUpdate
T apps.v1.DaemonSetCondition	-	lastTransitionTime:s	message:s	reason:s	status:s=False|True|Unknown	type:s
T apps.v1.DeploymentStrategy	-	rollingUpdate:@590	type:s=Recreate|RollingUpdate
T apps.v1.DeploymentCondition	-	lastTransitionTime:s	lastUpdateTime:s	message:s	reason:s	status:s=False|True|Unknown	type:s
T resource.v1.DeviceClassConfiguration	-	opaque:@591
T resource.v1.DeviceSelector	-	cel:@592
T resource.v1beta1.DeviceClassConfiguration	-	opaque:@593
T resource.v1beta1.DeviceSelector	-	cel:@594
T resource.v1beta2.DeviceClassConfiguration	-	opaque:@595
T resource.v1beta2.DeviceSelector	-	cel:@596
T resource.v1.DeviceTaintSelector	-	device:s	driver:s	pool:s
T resource.v1.DeviceTaint	-	!effect:s=NoExecute|NoSchedule|None	!key:s	timeAdded:s	value:s
T resource.v1alpha3.DeviceTaintSelector	-	device:s	driver:s	pool:s
T resource.v1alpha3.DeviceTaint	-	!effect:s=NoExecute|NoSchedule|None	!key:s	timeAdded:s	value:s
T resource.v1beta2.DeviceTaintSelector	-	device:s	driver:s	pool:s
T resource.v1beta2.DeviceTaint	-	!effect:s=NoExecute|NoSchedule|None	!key:s	timeAdded:s	value:s
T discovery.v1.EndpointConditions	-	ready:b	serving:b	terminating:b
T discovery.v1.EndpointHints	-	forNodes:[@597	forZones:[@598
T core.v1.EndpointAddress	-	hostname:s	!ip:s	nodeName:s	targetRef:@208
T core.v1.EndpointPort	-	appProtocol:s	name:s	!port:i	protocol:s=SCTP|TCP|UDP
T lifecycle.v1alpha1.EvictionTarget	-	pod:@599
T lifecycle.v1alpha1.Requester	-	!intent:s	!name:s
T lifecycle.v1alpha1.ResponderStatus	-	completionTime:s	expectedCompletionTime:s	heartbeatTime:s	message:s	!name:s	startTime:s
T lifecycle.v1alpha1.TargetResponder	-	!name:s	!priority:i	!state:s
T meta.v1.Preconditions	-	resourceVersion:s	uid:s
T lifecycle.v1alpha1.EvictionRequestTarget	-	pod:@600
T flowcontrol.v1.FlowDistinguisherMethod	-	!type:s
T flowcontrol.v1.PriorityLevelConfigurationReference	-	!name:s
T flowcontrol.v1.PolicyRulesWithSubjects	-	nonResourceRules:[@601	resourceRules:[@602	!subjects:[@603
T flowcontrol.v1.FlowSchemaCondition	-	lastTransitionTime:s	message:s	reason:s	status:s=False|True|Unknown	!type:s
T autoscaling.v1.CrossVersionObjectReference	-	apiVersion:s	!kind:s	!name:s
T autoscaling.v2.HorizontalPodAutoscalerBehavior	-	scaleDown:@604	scaleUp:@604
T autoscaling.v2.MetricSpec	-	containerResource:@605	external:@606	object:@607	pods:@608	resource:@609	!type:s
T autoscaling.v2.CrossVersionObjectReference	-	apiVersion:s	!kind:s	!name:s
T autoscaling.v2.HorizontalPodAutoscalerCondition	-	lastTransitionTime:s	message:s	observedGeneration:i	reason:s	!status:s	!type:s
T autoscaling.v2.MetricStatus	-	containerResource:@610	external:@611	object:@612	pods:@613	resource:@614	!type:s
T networking.v1.ParentReference	-	group:s	!name:s	namespace:s	!resource:s
T networking.v1.IngressBackend	-	resource:@483	service:@615
T networking.v1.IngressRule	-	host:s	http:@616
T networking.v1.IngressTLS	-	hosts:[s	secretName:s
T networking.v1.IngressLoadBalancerStatus	-	ingress:[@617
T networking.v1.IngressClassParametersReference	-	apiGroup:s	!kind:s	!name:s	namespace:s	scope:s
T batch.v1.PodFailurePolicy	-	!rules:[@618
T batch.v1.JobSchedulingConfiguration	-	disruptionMode:@619	resourceClaims:[<name>@620	schedulingConstraints:@621	schedulingPolicy:@622
T batch.v1.SuccessPolicy	-	!rules:[@623
T batch.v1.JobCondition	-	lastProbeTime:s	lastTransitionTime:s	message:s	reason:s	!status:s=False|True|Unknown	!type:s
T batch.v1.UncountedTerminatedPods	-	failed:[s	succeeded:[s
T core.v1.LimitRangeItem	-	default:{q	defaultRequest:{q	max:{q	maxLimitRequestRatio:{q	min:{q	!type:s
T authorization.v1.NonResourceAttributes	-	path:s	verb:s
T authorization.v1.ResourceAttributes	-	fieldSelector:@624	group:s	labelSelector:@625	name:s	namespace:s	resource:s	subresource:s	verb:s	version:s
T admissionregistration.v1.MatchCondition	-	!expression:s	!name:s
T admissionregistration.v1.MatchResources	-	excludeResourceRules:[@626	matchPolicy:s=Equivalent|Exact	namespaceSelector:@212	objectSelector:@212	resourceRules:[@626
T admissionregistration.v1.Mutation	-	applyConfiguration:@627	jsonPatch:@628	!patchType:s=ApplyConfiguration|JSONPatch
T admissionregistration.v1.ParamKind	-	apiVersion:s	kind:s
T admissionregistration.v1.Variable	-	!expression:s	!name:s
T admissionregistration.v1alpha1.MatchCondition	-	!expression:s	!name:s
T admissionregistration.v1alpha1.MatchResources	-	excludeResourceRules:[@629	matchPolicy:s=Equivalent|Exact	namespaceSelector:@212	objectSelector:@212	resourceRules:[@629
T admissionregistration.v1alpha1.Mutation	-	applyConfiguration:@630	jsonPatch:@631	!patchType:s=ApplyConfiguration|JSONPatch
T admissionregistration.v1alpha1.ParamKind	-	apiVersion:s	kind:s
T admissionregistration.v1alpha1.Variable	-	!expression:s	!name:s
T admissionregistration.v1beta1.MatchCondition	-	!expression:s	!name:s
T admissionregistration.v1beta1.MatchResources	-	excludeResourceRules:[@632	matchPolicy:s=Equivalent|Exact	namespaceSelector:@212	objectSelector:@212	resourceRules:[@632
T admissionregistration.v1beta1.Mutation	-	applyConfiguration:@633	jsonPatch:@634	!patchType:s=ApplyConfiguration|JSONPatch
T admissionregistration.v1beta1.ParamKind	-	apiVersion:s	kind:s
T admissionregistration.v1beta1.Variable	-	!expression:s	!name:s
T admissionregistration.v1.ParamRef	-	name:s	namespace:s	parameterNotFoundAction:s	selector:@212
T admissionregistration.v1alpha1.ParamRef	-	name:s	namespace:s	parameterNotFoundAction:s	selector:@212
T admissionregistration.v1beta1.ParamRef	-	name:s	namespace:s	parameterNotFoundAction:s	selector:@212
T admissionregistration.v1.WebhookClientConfig	-	caBundle:s	service:@635	url:s
T admissionregistration.v1.RuleWithOperations	-	apiGroups:[s	apiVersions:[s	operations:[s	resources:[s	scope:s
T core.v1.NamespaceCondition	-	lastTransitionTime:s	message:s	reason:s	!status:s=False|True|Unknown	!type:s
T networking.v1.NetworkPolicyEgressRule	-	ports:[@636	to:[@637
T networking.v1.NetworkPolicyIngressRule	-	from:[@637	ports:[@636
T core.v1.NodeConfigSource	-	configMap:@638
T core.v1.NodePodPreemptionPolicy	-	disableResizePreemption:[s
T core.v1.Taint	-	!effect:s=NoExecute|NoSchedule|PreferNoSchedule	!key:s	timeAdded:s	value:s
T core.v1.NodeAddress	-	!address:s	!type:s=ExternalIP|Hostname|InternalIP
T core.v1.NodeCondition	-	lastHeartbeatTime:s	lastTransitionTime:s	message:s	reason:s	!status:s=False|True|Unknown	!type:s
T core.v1.NodeConfigStatus	-	active:@448	assigned:@448	error:s	lastKnownGood:@448
T core.v1.NodeDaemonEndpoints	-	kubeletEndpoint:@639
T core.v1.NodeFeatures	-	supplementalGroupsPolicy:b
T core.v1.ContainerImage	-	names:[s	sizeBytes:i
T core.v1.NodeSystemInfo	-	!architecture:s	!bootID:s	!containerRuntimeVersion:s	!kernelVersion:s	!kubeProxyVersion:s	!kubeletVersion:s	!machineID:s	!operatingSystem:s	!osImage:s	runningInUserNamespace:b	swap:@640	!systemUUID:s
T core.v1.NodeRuntimeHandler	-	features:@641	name:s
T core.v1.AttachedVolume	-	!devicePath:s	!name:s
T core.v1.AWSElasticBlockStoreVolumeSource	-	fsType:s	partition:i	readOnly:b	!volumeID:s
T core.v1.AzureDiskVolumeSource	-	cachingMode:s	!diskName:s	!diskURI:s	fsType:s	kind:s	readOnly:b
T core.v1.AzureFilePersistentVolumeSource	-	readOnly:b	!secretName:s	secretNamespace:s	!shareName:s
T core.v1.CephFSPersistentVolumeSource	-	!monitors:[s	path:s	readOnly:b	secretFile:s	secretRef:@642	user:s
T core.v1.CinderPersistentVolumeSource	-	fsType:s	readOnly:b	secretRef:@642	!volumeID:s
T core.v1.CSIPersistentVolumeSource	-	controllerExpandSecretRef:@642	controllerPublishSecretRef:@642	!driver:s	fsType:s	nodeExpandSecretRef:@642	nodePublishSecretRef:@642	nodeStageSecretRef:@642	readOnly:b	volumeAttributes:{s	!volumeHandle:s
T core.v1.FCVolumeSource	-	fsType:s	lun:i	readOnly:b	targetWWNs:[s	wwids:[s
T core.v1.FlexPersistentVolumeSource	-	!driver:s	fsType:s	options:{s	readOnly:b	secretRef:@642
T core.v1.FlockerVolumeSource	-	datasetName:s	datasetUUID:s
T core.v1.GCEPersistentDiskVolumeSource	-	fsType:s	partition:i	!pdName:s	readOnly:b
T core.v1.GlusterfsPersistentVolumeSource	-	!endpoints:s	endpointsNamespace:s	!path:s	readOnly:b
T core.v1.HostPathVolumeSource	-	!path:s	type:s
T core.v1.ISCSIPersistentVolumeSource	-	chapAuthDiscovery:b	chapAuthSession:b	fsType:s	initiatorName:s	!iqn:s	iscsiInterface:s	!lun:i	portals:[s	readOnly:b	secretRef:@642	!targetPortal:s
T core.v1.LocalVolumeSource	-	fsType:s	!path:s
T core.v1.NFSVolumeSource	-	!path:s	readOnly:b	!server:s
T core.v1.VolumeNodeAffinity	-	required:@544
T core.v1.PhotonPersistentDiskVolumeSource	-	fsType:s	!pdID:s
T core.v1.PortworxVolumeSource	-	fsType:s	readOnly:b	!volumeID:s
T core.v1.QuobyteVolumeSource	-	group:s	readOnly:b	!registry:s	tenant:s	user:s	!volume:s
T core.v1.RBDPersistentVolumeSource	-	fsType:s	!image:s	keyring:s	!monitors:[s	pool:s	readOnly:b	secretRef:@642	user:s
T core.v1.ScaleIOPersistentVolumeSource	-	fsType:s	!gateway:s	protectionDomain:s	readOnly:b	!secretRef:@642	sslEnabled:b	storageMode:s	storagePool:s	!system:s	volumeName:s
T core.v1.StorageOSPersistentVolumeSource	-	fsType:s	readOnly:b	secretRef:@208	volumeName:s	volumeNamespace:s
T core.v1.VsphereVirtualDiskVolumeSource	-	fsType:s	storagePolicyID:s	storagePolicyName:s	!volumePath:s
T core.v1.TypedLocalObjectReference	-	apiGroup:s	!kind:s	!name:s
T core.v1.TypedObjectReference	-	apiGroup:s	!kind:s	!name:s	namespace:s
T core.v1.VolumeResourceRequirements	-	limits:{q	requests:{q
T core.v1.PersistentVolumeClaimCondition	-	lastProbeTime:s	lastTransitionTime:s	message:s	reason:s	!status:s=False|True|Unknown	!type:s
T core.v1.VolumeHealthStatus	-	healthConditions:[<status,reason>@643	lastTransitionTime:s
T core.v1.ModifyVolumeStatus	-	!status:s	targetVolumeAttributesClassName:s
T core.v1.Affinity	-	nodeAffinity:@644	podAffinity:@645	podAntiAffinity:@646
T core.v1.Container	-	args:[s	command:[s	env:[<name>@647	envFrom:[@648	image:s	imagePullPolicy:s=Always|IfNotPresent|Never	lifecycle:@649	livenessProbe:@650	!name:s	ports:[<containerPort,protocol>@651	readinessProbe:@650	resizePolicy:[@652	resources:@498	restartPolicy:s	restartPolicyRules:[@653	securityContext:@654	startupProbe:@650	stdin:b	stdinOnce:b	terminationMessagePath:s	terminationMessagePolicy:s	tty:b	volumeDevices:[<devicePath>@655	volumeMounts:[<mountPath>@656	workingDir:s
T core.v1.PodDNSConfig	-	nameservers:[s	options:[@657	searches:[s
T core.v1.EphemeralContainer	-	args:[s	command:[s	env:[<name>@647	envFrom:[@648	image:s	imagePullPolicy:s=Always|IfNotPresent|Never	lifecycle:@649	livenessProbe:@650	!name:s	ports:[<containerPort,protocol>@651	readinessProbe:@650	resizePolicy:[@652	resources:@498	restartPolicy:s	restartPolicyRules:[@653	securityContext:@654	startupProbe:@650	stdin:b	stdinOnce:b	targetContainerName:s	terminationMessagePath:s	terminationMessagePolicy:s	tty:b	volumeDevices:[<devicePath>@655	volumeMounts:[<mountPath>@656	workingDir:s
T core.v1.EvictionResponder	-	!name:s	!priority:i
T core.v1.HostAlias	-	hostnames:[s	!ip:s
T core.v1.PodOS	-	!name:s
T core.v1.PodReadinessGate	-	!conditionType:s
T core.v1.PodResourceClaim	-	!name:s	resourceClaimName:s	resourceClaimTemplateName:s
T core.v1.ResourceRequirements	-	claims:[<name>@658	limits:{q	requests:{q
T core.v1.PodSchedulingGate	-	!name:s
T core.v1.PodSchedulingGroup	-	podGroupName:s
T core.v1.PodSecurityContext	-	appArmorProfile:@659	fsGroup:i	fsGroupChangePolicy:s=Always|OnRootMismatch	runAsGroup:i	runAsNonRoot:b	runAsUser:i	seLinuxChangePolicy:s=MountOption|Recursive	seLinuxOptions:@660	seccompProfile:@661	supplementalGroups:[i	supplementalGroupsPolicy:s=Merge|Strict	sysctls:[@662	windowsOptions:@663
T core.v1.Toleration	-	effect:s=NoExecute|NoSchedule|PreferNoSchedule	key:s	operator:s	tolerationSeconds:i	value:s
T core.v1.TopologySpreadConstraint	-	labelSelector:@212	matchLabelKeys:[s	!maxSkew:i	minDomains:i	nodeAffinityPolicy:s	nodeTaintsPolicy:s	!topologyKey:s	!whenUnsatisfiable:s
T core.v1.Volume	-	awsElasticBlockStore:@460	azureDisk:@461	azureFile:@664	cephfs:@665	cinder:@666	configMap:@667	csi:@668	downwardAPI:@669	emptyDir:@670	ephemeral:@671	fc:@466	flexVolume:@672	flocker:@468	gcePersistentDisk:@469	gitRepo:@673	glusterfs:@674	hostPath:@471	image:@675	iscsi:@676	!name:s	nfs:@474	persistentVolumeClaim:@677	photonPersistentDisk:@476	portworxVolume:@477	projected:@678	quobyte:@478	rbd:@679	scaleIO:@680	secret:@681	storageos:@682	vsphereVolume:@482
T core.v1.PodCondition	-	lastProbeTime:s	lastTransitionTime:s	message:s	observedGeneration:i	reason:s	!status:s=False|True|Unknown	!type:s
T core.v1.ContainerStatus	-	allocatedResources:{q	allocatedResourcesStatus:[<name>@683	containerID:s	!image:s	!imageID:s	lastState:@684	!name:s	!ready:b	resources:@498	!restartCount:i	started:b	state:@684	stopSignal:s	user:@685	volumeMounts:[<mountPath>@686
T core.v1.PodExtendedResourceClaimStatus	-	!requestMappings:[@687	!resourceClaimName:s
T core.v1.HostIP	-	!ip:s
T core.v1.NodeAllocatableResourceClaimStatus	-	containers:[s	mapping:[<name>@688	overhead:[<name>@689	!resourceClaimName:s
T core.v1.PodIP	-	!ip:s
T core.v1.PodResourceClaimStatus	-	!name:s	resourceClaimName:s
T core.v1.PodVolumeHealth	-	healthConditions:[<status,reason>@643	lastTransitionTime:s	!name:s
T scheduling.v1alpha3.DisruptionMode	-	all:*	single:*
T scheduling.v1alpha3.PodGroupResourceClaim	-	!name:s	resourceClaimName:s	resourceClaimTemplateName:s
T scheduling.v1alpha3.PodGroupSchedulingConstraints	-	topology:[@582
T scheduling.v1alpha3.PodGroupSchedulingPolicy	-	basic:*	gang:@690
T scheduling.v1alpha3.PodGroupResourceClaimStatus	-	!name:s	resourceClaimName:s
T scheduling.v1beta1.DisruptionMode	-	all:*	single:*
T scheduling.v1beta1.PodGroupResourceClaim	-	!name:s	resourceClaimName:s	resourceClaimTemplateName:s
T scheduling.v1beta1.PodGroupSchedulingConstraints	-	topology:[@691
T scheduling.v1beta1.PodGroupSchedulingPolicy	-	basic:*	gang:@692
T scheduling.v1beta1.WorkloadReference	-	!templateName:s	!workloadName:s
T scheduling.v1beta1.PodGroupResourceClaimStatus	-	!name:s	resourceClaimName:s
T flowcontrol.v1.ExemptPriorityLevelConfiguration	-	lendablePercent:i	nominalConcurrencyShares:i
T flowcontrol.v1.LimitedPriorityLevelConfiguration	-	borrowingLimitPercent:i	lendablePercent:i	!limitResponse:@693	nominalConcurrencyShares:i
T flowcontrol.v1.PriorityLevelConfigurationCondition	-	lastTransitionTime:s	message:s	reason:s	status:s=False|True|Unknown	!type:s
T apps.v1.ReplicaSetCondition	-	lastTransitionTime:s	message:s	reason:s	status:s=False|True|Unknown	type:s
T core.v1.ReplicationControllerCondition	-	lastTransitionTime:s	message:s	reason:s	!status:s=False|True|Unknown	!type:s
T resource.v1.DeviceClaim	-	config:[@694	constraints:[@695	requests:[@696
T resource.v1.AllocationResult	-	allocationTimestamp:s	devices:@697	nodeSelector:@544
T resource.v1.AllocatedDeviceStatus	-	conditions:[<type>@369	data:*	!device:s	!driver:s	networkData:@698	!pool:s	shareID:s
T resource.v1.ResourceClaimConsumerReference	-	apiGroup:s	!name:s	!resource:s	!uid:s
T resource.v1beta1.DeviceClaim	-	config:[@699	constraints:[@700	requests:[@701
T resource.v1beta1.AllocationResult	-	allocationTimestamp:s	devices:@702	nodeSelector:@544
T resource.v1beta1.AllocatedDeviceStatus	-	conditions:[<type>@369	data:*	!device:s	!driver:s	networkData:@703	!pool:s	shareID:s
T resource.v1beta1.ResourceClaimConsumerReference	-	apiGroup:s	!name:s	!resource:s	!uid:s
T resource.v1beta2.DeviceClaim	-	config:[@704	constraints:[@705	requests:[@706
T resource.v1beta2.AllocationResult	-	allocationTimestamp:s	devices:@707	nodeSelector:@544
T resource.v1beta2.AllocatedDeviceStatus	-	conditions:[<type>@369	data:*	!device:s	!driver:s	networkData:@708	!pool:s	shareID:s
T resource.v1beta2.ResourceClaimConsumerReference	-	apiGroup:s	!name:s	!resource:s	!uid:s
T resource.v1alpha3.PoolStatus	-	allocatedDevices:i	availableDevices:i	!driver:s	!generation:i	nodeName:s	partitionSummary:[@709	!poolName:s	resourceSliceCount:i	shareableSummary:@710	totalDevices:i	unavailableDevices:i	validationError:s
T core.v1.ScopeSelector	-	matchExpressions:[@711
T resource.v1.Device	-	allNodes:b	allowMultipleAllocations:b	attributes:{@712	bindingConditions:[s	bindingFailureConditions:[s	bindsToNode:b	capacity:{@713	consumesCounters:[@714	!name:s	nodeAllocatableResources:{@715	nodeName:s	nodeSelector:@544	taints:[@386
T core.v1.NodeSelector	-	!nodeSelectorTerms:[@716
T resource.v1.ResourcePool	-	!generation:i	!name:s	!resourceSliceCount:i
T resource.v1.CounterSet	-	!counters:{@717	!name:s
T resource.v1beta1.Device	-	basic:@718	!name:s
T resource.v1beta1.ResourcePool	-	!generation:i	!name:s	!resourceSliceCount:i
T resource.v1beta1.CounterSet	-	!counters:{@719	!name:s
T resource.v1beta2.Device	-	allNodes:b	allowMultipleAllocations:b	attributes:{@720	bindingConditions:[s	bindingFailureConditions:[s	bindsToNode:b	capacity:{@721	consumesCounters:[@722	!name:s	nodeAllocatableResources:{@723	nodeName:s	nodeSelector:@544	taints:[@390
T resource.v1beta2.ResourcePool	-	!generation:i	!name:s	!resourceSliceCount:i
T resource.v1beta2.CounterSet	-	!counters:{@724	!name:s
T authentication.v1.UserInfo	-	extra:{[s	groups:[s	uid:s	username:s
T authorization.v1.NonResourceRule	-	nonResourceURLs:[s	!verbs:[s
T authorization.v1.ResourceRule	-	apiGroups:[s	resourceNames:[s	resources:[s	!verbs:[s
T core.v1.ServicePort	-	appProtocol:s	name:s	nodePort:i	!port:i	protocol:s	targetPort:x
T core.v1.SessionAffinityConfig	-	clientIP:@725
T core.v1.LoadBalancerStatus	-	ingress:[@726
T apps.v1.StatefulSetOrdinals	-	start:i
T apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy	-	whenDeleted:s	whenScaled:s
T apps.v1.StatefulSetUpdateStrategy	-	rollingUpdate:@727	type:s
T apps.v1.StatefulSetCondition	-	lastTransitionTime:s	message:s	reason:s	status:s=False|True|Unknown	type:s
T meta.v1.StatusCause	-	field:s	message:s	reason:s
T core.v1.TopologySelectorLabelRequirement	-	!key:s	!values:[s
T apiserverinternal.v1alpha1.StorageVersionCondition	-	lastTransitionTime:s	!message:s	observedGeneration:i	!reason:s	!status:s=False|True|Unknown	!type:s
T apiserverinternal.v1alpha1.ServerStorageVersion	-	!apiServerID:s	!decodableVersions:[s	!encodingVersion:s	servedVersions:[s
T meta.v1.GroupResource	-	!group:s	!resource:s
T authentication.v1.BoundObjectReference	-	apiVersion:s	kind:s	name:s	uid:s
T admissionregistration.v1.AuditAnnotation	-	!key:s	!valueExpression:s
T admissionregistration.v1.Validation	-	!expression:s	message:s	messageExpression:s	reason:s
T admissionregistration.v1.TypeChecking	-	expressionWarnings:[@728
T storage.v1.VolumeAttachmentSource	-	inlineVolumeSpec:@282	persistentVolumeName:s
T storage.v1.VolumeError	-	errorCode:i	message:s	time:s
T scheduling.v1alpha3.CompositePodGroupTemplate	-	compositePodGroupTemplates:[<name>@574	disruptionMode:@365	!name:s	podGroupTemplates:[<name>@576	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	schedulingConstraints:@366	!schedulingPolicy:@367
T scheduling.v1alpha3.TypedLocalObjectReference	-	apiGroup:s	!kind:s	!name:s
T scheduling.v1alpha3.PodGroupTemplate	-	disruptionMode:@513	!name:s	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	resourceClaims:[<name>@514	schedulingConstraints:@515	!schedulingPolicy:@516
T scheduling.v1beta1.CompositePodGroupTemplate	-	compositePodGroupTemplates:[<name>@577	disruptionMode:@729	!name:s	podGroupTemplates:[<name>@579	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	schedulingConstraints:@730	!schedulingPolicy:@731
T scheduling.v1beta1.TypedLocalObjectReference	-	apiGroup:s	!kind:s	!name:s
T scheduling.v1beta1.PodGroupTemplate	-	disruptionMode:@518	!name:s	preemptionPolicy:s=Never|PreemptLowerPriority	priority:i	priorityClassName:s	resourceClaims:[<name>@519	schedulingConstraints:@520	!schedulingPolicy:@521
T storage.v1.VolumeNodeResources	-	count:i
T storage.v1.StorageHealthCondition	-	accessMode:s	lastTransitionTime:s	message:s	!reason:s	!status:s=StorageDegraded|StorageUnreachable	volumeMode:s
T scheduling.v1alpha3.TopologyConstraint	-	!key:s
T scheduling.v1alpha3.CompositeGangSchedulingPolicy	-	!minGroupCount:i
T apiextensions.v1.WebhookConversion	-	clientConfig:@732	!conversionReviewVersions:[s
T apiextensions.v1.CustomResourceColumnDefinition	-	description:s	format:s	!jsonPath:s	!name:s	priority:i	!type:s
T apiextensions.v1.CustomResourceValidation	-	openAPIV3Schema:@733
T apiextensions.v1.SelectableField	-	!jsonPath:s
T apiextensions.v1.CustomResourceSubresources	-	scale:@734	status:*
T apps.v1.RollingUpdateDaemonSet	-	maxSurge:x	maxUnavailable:x
T apps.v1.RollingUpdateDeployment	-	maxSurge:x	maxUnavailable:x
T resource.v1.OpaqueDeviceConfiguration	-	!driver:s	!parameters:*
T resource.v1.CELDeviceSelector	-	!expression:s
T resource.v1beta1.OpaqueDeviceConfiguration	-	!driver:s	!parameters:*
T resource.v1beta1.CELDeviceSelector	-	!expression:s
T resource.v1beta2.OpaqueDeviceConfiguration	-	!driver:s	!parameters:*
T resource.v1beta2.CELDeviceSelector	-	!expression:s
T discovery.v1.ForNode	-	!name:s
T discovery.v1.ForZone	-	!name:s
T lifecycle.v1alpha1.EvictionPodReference	-	!name:s	!uid:s
T lifecycle.v1alpha1.EvictionRequestPodReference	-	!name:s	!uid:s
T flowcontrol.v1.NonResourcePolicyRule	-	!nonResourceURLs:[s	!verbs:[s
T flowcontrol.v1.ResourcePolicyRule	-	!apiGroups:[s	clusterScope:b	namespaces:[s	!resources:[s	!verbs:[s
T flowcontrol.v1.Subject	-	group:@735	!kind:s	serviceAccount:@736	user:@737
T autoscaling.v2.HPAScalingRules	-	policies:[@738	selectPolicy:s	stabilizationWindowSeconds:i	tolerance:q
T autoscaling.v2.ContainerResourceMetricSource	-	!container:s	!name:s	!target:@739
T autoscaling.v2.ExternalMetricSource	-	!metric:@740	!target:@739
T autoscaling.v2.ObjectMetricSource	-	!describedObject:@408	!metric:@740	!target:@739
T autoscaling.v2.PodsMetricSource	-	!metric:@740	!target:@739
T autoscaling.v2.ResourceMetricSource	-	!name:s	!target:@739
T autoscaling.v2.ContainerResourceMetricStatus	-	!container:s	!current:@741	!name:s
T autoscaling.v2.ExternalMetricStatus	-	!current:@741	!metric:@740
T autoscaling.v2.ObjectMetricStatus	-	!current:@741	!describedObject:@408	!metric:@740
T autoscaling.v2.PodsMetricStatus	-	!current:@741	!metric:@740
T autoscaling.v2.ResourceMetricStatus	-	!current:@741	!name:s
T networking.v1.IngressServiceBackend	-	!name:s	port:@742
T networking.v1.HTTPIngressRuleValue	-	!paths:[@743
T networking.v1.IngressLoadBalancerIngress	-	hostname:s	ip:s	ports:[@744
T batch.v1.PodFailurePolicyRule	-	!action:s	onExitCodes:@745	onPodConditions:[@746
T scheduling.v1alpha3.WorkloadPodGroupDisruptionMode	-	all:*	single:*
T scheduling.v1alpha3.WorkloadPodGroupResourceClaim	-	!name:s	resourceClaimName:s	resourceClaimTemplateName:s
T scheduling.v1alpha3.WorkloadPodGroupSchedulingConstraints	-	topology:[@582
T scheduling.v1alpha3.WorkloadPodGroupSchedulingPolicy	-	basic:*	gang:@747
T batch.v1.SuccessPolicyRule	-	succeededCount:i	succeededIndexes:s
T authorization.v1.FieldSelectorAttributes	-	rawSelector:s	requirements:[@748
T authorization.v1.LabelSelectorAttributes	-	rawSelector:s	requirements:[@363
T admissionregistration.v1.NamedRuleWithOperations	-	apiGroups:[s	apiVersions:[s	operations:[s	resourceNames:[s	resources:[s	scope:s
T admissionregistration.v1.ApplyConfiguration	-	expression:s
T admissionregistration.v1.JSONPatch	-	expression:s
T admissionregistration.v1alpha1.NamedRuleWithOperations	-	apiGroups:[s	apiVersions:[s	operations:[s	resourceNames:[s	resources:[s	scope:s
T admissionregistration.v1alpha1.ApplyConfiguration	-	expression:s
T admissionregistration.v1alpha1.JSONPatch	-	expression:s
T admissionregistration.v1beta1.NamedRuleWithOperations	-	apiGroups:[s	apiVersions:[s	operations:[s	resourceNames:[s	resources:[s	scope:s
T admissionregistration.v1beta1.ApplyConfiguration	-	expression:s
T admissionregistration.v1beta1.JSONPatch	-	expression:s
T admissionregistration.v1.ServiceReference	-	!name:s	!namespace:s	path:s	port:i
T networking.v1.NetworkPolicyPort	-	endPort:i	port:x	protocol:s
T networking.v1.NetworkPolicyPeer	-	ipBlock:@749	namespaceSelector:@212	podSelector:@212
T core.v1.ConfigMapNodeConfigSource	-	!kubeletConfigKey:s	!name:s	!namespace:s	resourceVersion:s	uid:s
T core.v1.DaemonEndpoint	-	!Port:i
T core.v1.NodeSwapStatus	-	capacity:i
T core.v1.NodeRuntimeHandlerFeatures	-	recursiveReadOnlyMounts:b	userNamespaces:b
T core.v1.SecretReference	-	name:s	namespace:s
T core.v1.VolumeHealthCondition	-	message:s	!reason:s	!status:s
T core.v1.NodeAffinity	-	preferredDuringSchedulingIgnoredDuringExecution:[@750	requiredDuringSchedulingIgnoredDuringExecution:@544
T core.v1.PodAffinity	-	preferredDuringSchedulingIgnoredDuringExecution:[@751	requiredDuringSchedulingIgnoredDuringExecution:[@752
T core.v1.PodAntiAffinity	-	preferredDuringSchedulingIgnoredDuringExecution:[@751	requiredDuringSchedulingIgnoredDuringExecution:[@752
T core.v1.EnvVar	-	!name:s	value:s	valueFrom:@753
T core.v1.EnvFromSource	-	configMapRef:@754	prefix:s	secretRef:@755
T core.v1.Lifecycle	-	postStart:@756	preStop:@756	stopSignal:s
T core.v1.Probe	-	exec:@757	failureThreshold:i	grpc:@758	httpGet:@759	initialDelaySeconds:i	periodSeconds:i	successThreshold:i	tcpSocket:@760	terminationGracePeriodSeconds:i	timeoutSeconds:i
T core.v1.ContainerPort	-	!containerPort:i	hostIP:s	hostPort:i	name:s	protocol:s=SCTP|TCP|UDP
T core.v1.ContainerResizePolicy	-	!resourceName:s	!restartPolicy:s
T core.v1.ContainerRestartRule	-	!action:s	exitCodes:@761
T core.v1.SecurityContext	-	allowPrivilegeEscalation:b	appArmorProfile:@659	capabilities:@762	privileged:b	procMount:s	readOnlyRootFilesystem:b	runAsGroup:i	runAsNonRoot:b	runAsUser:i	seLinuxOptions:@660	seccompProfile:@661	windowsOptions:@663
T core.v1.VolumeDevice	-	!devicePath:s	!name:s
T core.v1.VolumeMount	-	bindMountOptions:[s	!mountPath:s	mountPropagation:s	!name:s	readOnly:b	recursiveReadOnly:s	subPath:s	subPathExpr:s
T core.v1.PodDNSConfigOption	-	name:s	value:s
T core.v1.ResourceClaim	-	!name:s	request:s
T core.v1.AppArmorProfile	-	localhostProfile:s	!type:s
T core.v1.SELinuxOptions	-	level:s	role:s	type:s	user:s
T core.v1.SeccompProfile	-	localhostProfile:s	!type:s
T core.v1.Sysctl	-	!name:s	!value:s
T core.v1.WindowsSecurityContextOptions	-	gmsaCredentialSpec:s	gmsaCredentialSpecName:s	hostProcess:b	runAsUserName:s
T core.v1.AzureFileVolumeSource	-	readOnly:b	!secretName:s	!shareName:s
T core.v1.CephFSVolumeSource	-	!monitors:[s	path:s	readOnly:b	secretFile:s	secretRef:@331	user:s
T core.v1.CinderVolumeSource	-	fsType:s	readOnly:b	secretRef:@331	!volumeID:s
T core.v1.ConfigMapVolumeSource	-	defaultMode:i	defaultUser:i	items:[@763	name:s	optional:b
T core.v1.CSIVolumeSource	-	!driver:s	fsType:s	nodePublishSecretRef:@331	readOnly:b	volumeAttributes:{s
T core.v1.DownwardAPIVolumeSource	-	defaultMode:i	defaultUser:i	items:[@764
T core.v1.EmptyDirVolumeSource	-	medium:s	mode:i	sizeLimit:q
T core.v1.EphemeralVolumeSource	-	volumeClaimTemplate:@765
T core.v1.FlexVolumeSource	-	!driver:s	fsType:s	options:{s	readOnly:b	secretRef:@331
T core.v1.GitRepoVolumeSource	-	directory:s	!repository:s	revision:s
T core.v1.GlusterfsVolumeSource	-	!endpoints:s	!path:s	readOnly:b
T core.v1.ImageVolumeSource	-	pullPolicy:s	reference:s
T core.v1.ISCSIVolumeSource	-	chapAuthDiscovery:b	chapAuthSession:b	fsType:s	initiatorName:s	!iqn:s	iscsiInterface:s	!lun:i	portals:[s	readOnly:b	secretRef:@331	!targetPortal:s
T core.v1.PersistentVolumeClaimVolumeSource	-	!claimName:s	readOnly:b
T core.v1.ProjectedVolumeSource	-	defaultMode:i	defaultUser:i	sources:[@766
T core.v1.RBDVolumeSource	-	fsType:s	!image:s	keyring:s	!monitors:[s	pool:s	readOnly:b	secretRef:@331	user:s
T core.v1.ScaleIOVolumeSource	-	fsType:s	!gateway:s	protectionDomain:s	readOnly:b	!secretRef:@331	sslEnabled:b	storageMode:s	storagePool:s	!system:s	volumeName:s
T core.v1.SecretVolumeSource	-	defaultMode:i	defaultUser:i	items:[@763	optional:b	secretName:s
T core.v1.StorageOSVolumeSource	-	fsType:s	readOnly:b	secretRef:@331	volumeName:s	volumeNamespace:s
T core.v1.ResourceStatus	-	!name:s	resources:[<resourceID>@767
T core.v1.ContainerState	-	running:@768	terminated:@769	waiting:@770
T core.v1.ContainerUser	-	linux:@771
T core.v1.VolumeMountStatus	-	!mountPath:s	!name:s	readOnly:b	recursiveReadOnly:s	volumeStatus:@772
T core.v1.ContainerExtendedResourceRequest	-	!containerName:s	!requestName:s	!resourceName:s
T core.v1.NodeAllocatableMappedResources	-	!name:s	!quantity:q
T core.v1.NodeAllocatableOverheadResources	-	!name:s	perContainer:q	perPod:q
T scheduling.v1alpha3.GangSchedulingPolicy	-	!minCount:i
T scheduling.v1beta1.TopologyConstraint	-	!key:s
T scheduling.v1beta1.GangSchedulingPolicy	-	!minCount:i
T flowcontrol.v1.LimitResponse	-	queuing:@773	!type:s
T resource.v1.DeviceClaimConfiguration	-	opaque:@591	requests:[s
T resource.v1.DeviceConstraint	-	distinctAttribute:s	matchAttribute:s	requests:[s
T resource.v1.DeviceRequest	-	exactly:@774	firstAvailable:[@775	!name:s
T resource.v1.DeviceAllocationResult	-	config:[@776	results:[@777
T resource.v1.NetworkDeviceData	-	hardwareAddress:s	interfaceName:s	ips:[s
T resource.v1beta1.DeviceClaimConfiguration	-	opaque:@593	requests:[s
T resource.v1beta1.DeviceConstraint	-	distinctAttribute:s	matchAttribute:s	requests:[s
T resource.v1beta1.DeviceRequest	-	adminAccess:b	allocationMode:s	capacity:@778	count:i	derivedAttributes:[@779	deviceClassName:s	firstAvailable:[@780	!name:s	selectors:[@382	tolerations:[@781
T resource.v1beta1.DeviceAllocationResult	-	config:[@782	results:[@783
T resource.v1beta1.NetworkDeviceData	-	hardwareAddress:s	interfaceName:s	ips:[s
T resource.v1beta2.DeviceClaimConfiguration	-	opaque:@595	requests:[s
T resource.v1beta2.DeviceConstraint	-	distinctAttribute:s	matchAttribute:s	requests:[s
T resource.v1beta2.DeviceRequest	-	exactly:@784	firstAvailable:[@785	!name:s
T resource.v1beta2.DeviceAllocationResult	-	config:[@786	results:[@787
T resource.v1beta2.NetworkDeviceData	-	hardwareAddress:s	interfaceName:s	ips:[s
T resource.v1alpha3.PartitionTypeStatus	-	!allocatable:i	!attribute:s	!total:i	!type:s
T resource.v1alpha3.ShareableSummaryStatus	-	capacity:[@788	!fullyAvailableDevices:i	!partiallyAvailableDevices:i
T core.v1.ScopedResourceSelectorRequirement	-	!operator:s	!scopeName:s	values:[s
T resource.v1.DeviceAttribute	-	bool:b	bools:[b	int:i	ints:[i	string:s	strings:[s	version:s	versions:[s
T resource.v1.DeviceCapacity	-	requestPolicy:@789	!value:q
T resource.v1.DeviceCounterConsumption	-	compatibilityGroups:[s	!counterSet:s	!counters:{@717
T resource.v1.NodeAllocatableResource	-	mapping:@790	overhead:@791
T core.v1.NodeSelectorTerm	-	matchExpressions:[@792	matchFields:[@792
T resource.v1.Counter	-	!value:q
T resource.v1beta1.BasicDevice	-	allNodes:b	allowMultipleAllocations:b	attributes:{@793	bindingConditions:[s	bindingFailureConditions:[s	bindsToNode:b	capacity:{@794	consumesCounters:[@795	nodeAllocatableResources:{@796	nodeName:s	nodeSelector:@544	taints:[@797
T resource.v1beta1.Counter	-	!value:q
T resource.v1beta2.DeviceAttribute	-	bool:b	bools:[b	int:i	ints:[i	string:s	strings:[s	version:s	versions:[s
T resource.v1beta2.DeviceCapacity	-	requestPolicy:@798	!value:q
T resource.v1beta2.DeviceCounterConsumption	-	compatibilityGroups:[s	!counterSet:s	!counters:{@724
T resource.v1beta2.NodeAllocatableResource	-	mapping:@799	overhead:@800
T resource.v1beta2.Counter	-	!value:q
T core.v1.ClientIPConfig	-	timeoutSeconds:i
T core.v1.LoadBalancerIngress	-	hostname:s	ip:s	ipMode:s	ports:[@801
T apps.v1.RollingUpdateStatefulSetStrategy	-	maxUnavailable:x	partition:i
T admissionregistration.v1.ExpressionWarning	-	!fieldRef:s	!warning:s
T scheduling.v1beta1.CompositeDisruptionMode	-	all:*	single:*
T scheduling.v1beta1.CompositePodGroupSchedulingConstraints	-	topology:[@691
T scheduling.v1beta1.CompositePodGroupSchedulingPolicy	-	basic:*	gang:@802
T apiextensions.v1.WebhookClientConfig	-	caBundle:s	service:@803	url:s
T apiextensions.v1.JSONSchemaProps	-	$ref:s	$schema:s	additionalItems:*	additionalProperties:*	allOf:[@733	anyOf:[@733	default:*	definitions:{@733	dependencies:{*	description:s	enum:[*	example:*	exclusiveMaximum:b	exclusiveMinimum:b	externalDocs:@804	format:s	id:s	items:*	maxItems:i	maxLength:i	maxProperties:i	maximum:n	minItems:i	minLength:i	minProperties:i	minimum:n	multipleOf:n	not:@733	nullable:b	oneOf:[@733	pattern:s	patternProperties:{@733	properties:{@733	required:[s	title:s	type:s	uniqueItems:b	x-kubernetes-embedded-resource:b	x-kubernetes-int-or-string:b	x-kubernetes-list-map-keys:[s	x-kubernetes-list-type:s	x-kubernetes-map-type:s	x-kubernetes-preserve-unknown-fields:b	x-kubernetes-validations:[<rule>@805
T apiextensions.v1.CustomResourceSubresourceScale	-	labelSelectorPath:s	!specReplicasPath:s	!statusReplicasPath:s
T flowcontrol.v1.GroupSubject	-	!name:s
T flowcontrol.v1.ServiceAccountSubject	-	!name:s	!namespace:s
T flowcontrol.v1.UserSubject	-	!name:s
T autoscaling.v2.HPAScalingPolicy	-	!periodSeconds:i	!type:s	!value:i
T autoscaling.v2.MetricTarget	-	averageUtilization:i	averageValue:q	!type:s	value:q
T autoscaling.v2.MetricIdentifier	-	!name:s	selector:@212
T autoscaling.v2.MetricValueStatus	-	averageUtilization:i	averageValue:q	value:q
T networking.v1.ServiceBackendPort	-	name:s	number:i
T networking.v1.HTTPIngressPath	-	!backend:@412	path:s	!pathType:s
T networking.v1.IngressPortStatus	-	error:s	!port:i	!protocol:s
T batch.v1.PodFailurePolicyOnExitCodesRequirement	-	containerName:s	!operator:s	!values:[i
T batch.v1.PodFailurePolicyOnPodConditionsPattern	-	status:s	!type:s
T scheduling.v1alpha3.WorkloadPodGroupGangSchedulingPolicy	-	minCount:i
T meta.v1.FieldSelectorRequirement	-	!key:s	!operator:s	values:[s
T networking.v1.IPBlock	-	!cidr:s	except:[s
T core.v1.PreferredSchedulingTerm	-	!preference:@716	!weight:i
T core.v1.WeightedPodAffinityTerm	-	!podAffinityTerm:@752	!weight:i
T core.v1.PodAffinityTerm	-	labelSelector:@212	matchLabelKeys:[s	mismatchLabelKeys:[s	namespaceSelector:@212	namespaces:[s	!topologyKey:s
T core.v1.EnvVarSource	-	configMapKeyRef:@806	fieldRef:@807	fileKeyRef:@808	resourceFieldRef:@809	secretKeyRef:@810
T core.v1.ConfigMapEnvSource	-	name:s	optional:b
T core.v1.SecretEnvSource	-	name:s	optional:b
T core.v1.LifecycleHandler	-	exec:@757	httpGet:@759	sleep:@811	tcpSocket:@760
T core.v1.ExecAction	-	command:[s
T core.v1.GRPCAction	-	mode:s	!port:i	service:s
T core.v1.HTTPGetAction	-	host:s	httpHeaders:[@812	path:s	!port:x	protocol:s	scheme:s
T core.v1.TCPSocketAction	-	host:s	!port:x
T core.v1.ContainerRestartRuleOnExitCodes	-	!operator:s	values:[i
T core.v1.Capabilities	-	add:[s	drop:[s
T core.v1.KeyToPath	-	!key:s	mode:i	!path:s	user:i
T core.v1.DownwardAPIVolumeFile	-	fieldRef:@807	mode:i	!path:s	resourceFieldRef:@809	user:i
T core.v1.PersistentVolumeClaimTemplate	-	metadata:@204	!spec:@284
T core.v1.VolumeProjection	-	clusterTrustBundle:@813	configMap:@814	downwardAPI:@815	podCertificate:@816	secret:@817	serviceAccountToken:@818
T core.v1.ResourceHealth	-	health:s	message:s	!resourceID:s
T core.v1.ContainerStateRunning	-	startedAt:s
T core.v1.ContainerStateTerminated	-	containerID:s	!exitCode:i	finishedAt:s	message:s	reason:s	signal:i	startedAt:s
T core.v1.ContainerStateWaiting	-	message:s	reason:s
T core.v1.LinuxContainerUser	-	!gid:i	supplementalGroups:[i	!uid:i
T core.v1.VolumeStatus	-	image:@819
T flowcontrol.v1.QueuingConfiguration	-	handSize:i	queueLengthLimit:i	queues:i
T resource.v1.ExactDeviceRequest	-	adminAccess:b	allocationMode:s	capacity:@820	count:i	derivedAttributes:[@821	!deviceClassName:s	selectors:[@380	tolerations:[@822
T resource.v1.DeviceSubRequest	-	allocationMode:s	capacity:@820	count:i	derivedAttributes:[@821	!deviceClassName:s	!name:s	selectors:[@380	tolerations:[@822
T resource.v1.DeviceAllocationConfiguration	-	opaque:@591	requests:[s	!source:s
T resource.v1.DeviceRequestAllocationResult	-	adminAccess:b	bindingConditions:[s	bindingFailureConditions:[s	consumedCapacity:{q	!device:s	!driver:s	!pool:s	!request:s	shareID:s	skipNodeOperations:[s	tolerations:[@822
T resource.v1beta1.CapacityRequirements	-	requests:{q
T resource.v1beta1.DeviceDerivedAttribute	-	!expression:s	!name:s
T resource.v1beta1.DeviceSubRequest	-	allocationMode:s	capacity:@778	count:i	derivedAttributes:[@779	!deviceClassName:s	!name:s	selectors:[@382	tolerations:[@781
T resource.v1beta1.DeviceToleration	-	effect:s=NoExecute|NoSchedule	key:s	operator:s	tolerationSeconds:i	value:s
T resource.v1beta1.DeviceAllocationConfiguration	-	opaque:@593	requests:[s	!source:s
T resource.v1beta1.DeviceRequestAllocationResult	-	adminAccess:b	bindingConditions:[s	bindingFailureConditions:[s	consumedCapacity:{q	!device:s	!driver:s	!pool:s	!request:s	shareID:s	skipNodeOperations:[s	tolerations:[@781
T resource.v1beta2.ExactDeviceRequest	-	adminAccess:b	allocationMode:s	capacity:@823	count:i	derivedAttributes:[@824	!deviceClassName:s	selectors:[@384	tolerations:[@825
T resource.v1beta2.DeviceSubRequest	-	allocationMode:s	capacity:@823	count:i	derivedAttributes:[@824	!deviceClassName:s	!name:s	selectors:[@384	tolerations:[@825
T resource.v1beta2.DeviceAllocationConfiguration	-	opaque:@595	requests:[s	!source:s
T resource.v1beta2.DeviceRequestAllocationResult	-	adminAccess:b	bindingConditions:[s	bindingFailureConditions:[s	consumedCapacity:{q	!device:s	!driver:s	!pool:s	!request:s	shareID:s	skipNodeOperations:[s	tolerations:[@825
T resource.v1alpha3.ShareableCapacityStatus	-	!available:q	!consumed:q	!name:s	!total:q
T resource.v1.CapacityRequestPolicy	-	default:q	validRange:@826	validValues:[q
T resource.v1.NodeAllocatableMapping	-	capacityKey:s	capacityMultiplier:q	deviceMultiplier:q
T resource.v1.NodeAllocatableOverhead	-	perContainer:q	perPod:q
T core.v1.NodeSelectorRequirement	-	!key:s	!operator:s	values:[s
T resource.v1beta1.DeviceAttribute	-	bool:b	bools:[b	int:i	ints:[i	string:s	strings:[s	version:s	versions:[s
T resource.v1beta1.DeviceCapacity	-	requestPolicy:@827	!value:q
T resource.v1beta1.DeviceCounterConsumption	-	compatibilityGroups:[s	!counterSet:s	!counters:{@719
T resource.v1beta1.NodeAllocatableResource	-	mapping:@828	overhead:@829
T resource.v1beta1.DeviceTaint	-	!effect:s=NoExecute|NoSchedule|None	!key:s	timeAdded:s	value:s
T resource.v1beta2.CapacityRequestPolicy	-	default:q	validRange:@830	validValues:[q
T resource.v1beta2.NodeAllocatableMapping	-	capacityKey:s	capacityMultiplier:q	deviceMultiplier:q
T resource.v1beta2.NodeAllocatableOverhead	-	perContainer:q	perPod:q
T core.v1.PortStatus	-	error:s	!port:i	!protocol:s
T scheduling.v1beta1.CompositeGangSchedulingPolicy	-	!minGroupCount:i
T apiextensions.v1.ServiceReference	-	!name:s	!namespace:s	path:s	port:i
T apiextensions.v1.ExternalDocumentation	-	description:s	url:s
T apiextensions.v1.ValidationRule	-	fieldPath:s	message:s	messageExpression:s	optionalOldSelf:b	reason:s	!rule:s
T core.v1.ConfigMapKeySelector	-	!key:s	name:s	optional:b
T core.v1.ObjectFieldSelector	-	apiVersion:s	!fieldPath:s
T core.v1.FileKeySelector	-	!key:s	optional:b	!path:s	!volumeName:s
T core.v1.ResourceFieldSelector	-	containerName:s	divisor:q	!resource:s
T core.v1.SecretKeySelector	-	!key:s	name:s	optional:b
T core.v1.SleepAction	-	!seconds:i
T core.v1.HTTPHeader	-	!name:s	!value:s
T core.v1.ClusterTrustBundleProjection	-	labelSelector:@212	name:s	optional:b	!path:s	signerName:s	user:i
T core.v1.ConfigMapProjection	-	items:[@763	name:s	optional:b
T core.v1.DownwardAPIProjection	-	items:[@764
T core.v1.PodCertificateProjection	-	certificateChainPath:s	credentialBundlePath:s	keyPath:s	!keyType:s=ECDSAP256|ECDSAP384|ECDSAP521|ED25519|RSA3072|RSA4096	maxExpirationSeconds:i	!signerName:s	user:i	userAnnotations:{s
T core.v1.SecretProjection	-	items:[@763	name:s	optional:b
T core.v1.ServiceAccountTokenProjection	-	audience:s	expirationSeconds:i	!path:s	user:i
T core.v1.ImageVolumeStatus	-	!imageRef:s
T resource.v1.CapacityRequirements	-	requests:{q
T resource.v1.DeviceDerivedAttribute	-	!expression:s	!name:s
T resource.v1.DeviceToleration	-	effect:s=NoExecute|NoSchedule	key:s	operator:s	tolerationSeconds:i	value:s
T resource.v1beta2.CapacityRequirements	-	requests:{q
T resource.v1beta2.DeviceDerivedAttribute	-	!expression:s	!name:s
T resource.v1beta2.DeviceToleration	-	effect:s=NoExecute|NoSchedule	key:s	operator:s	tolerationSeconds:i	value:s
T resource.v1.CapacityRequestPolicyRange	-	max:q	!min:q	step:q
T resource.v1beta1.CapacityRequestPolicy	-	default:q	validRange:@831	validValues:[q
T resource.v1beta1.NodeAllocatableMapping	-	capacityKey:s	capacityMultiplier:q	deviceMultiplier:q
T resource.v1beta1.NodeAllocatableOverhead	-	perContainer:q	perPod:q
T resource.v1beta2.CapacityRequestPolicyRange	-	max:q	!min:q	step:q
T resource.v1beta1.CapacityRequestPolicyRange	-	max:q	!min:q	step:q
"""#
}
