package model

import "strings"

// Family says how a kind is drawn by default.
type Family string

const (
	// Kubernetes kinds are drawn as a blue heptagon icon with a label below.
	Kubernetes Family = "kubernetes"
	// Generic kinds are drawn as a rounded-square icon with a label below.
	Generic Family = "generic"
	// Plain kinds are drawn as a shape holding their label (box, cloud, text).
	Plain Family = "plain"
	// Grouping kinds hold other nodes.
	Grouping Family = "group"
)

// Kind is an entry of the kind catalogue.
type Kind struct {
	Name    string   // canonical name, as written in output
	Aliases []string // other names accepted in models
	Display string   // display name: the default label and the legend text
	Short   string   // short name drawn inside the icon; "" for none
	Family  Family
}

// Group reports whether the kind is a grouping kind.
func (k *Kind) Group() bool { return k.Family == Grouping }

// Kinds is the catalogue, in the order the gallery and legend list them.
var Kinds = []*Kind{
	// Groupings.
	{Name: "cluster", Aliases: []string{"k8s", "kubernetes"}, Display: "Kubernetes cluster", Family: Grouping},
	{Name: "control-plane", Aliases: []string{"cp", "controlplane"}, Display: "Control plane", Family: Grouping},
	{Name: "node", Aliases: []string{"no", "worker", "worker-node"}, Display: "Node", Family: Grouping},
	{Name: "namespace", Aliases: []string{"ns"}, Display: "Namespace", Family: Grouping},

	// Control-plane and node components.
	{Name: "api-server", Aliases: []string{"api", "apiserver", "kube-apiserver"}, Display: "API server", Short: "api", Family: Kubernetes},
	{Name: "etcd", Display: "etcd", Short: "etcd", Family: Kubernetes},
	{Name: "scheduler", Aliases: []string{"sched", "kube-scheduler"}, Display: "Scheduler", Short: "sched", Family: Kubernetes},
	{Name: "controller-manager", Aliases: []string{"c-m", "kcm", "kube-controller-manager"}, Display: "Controller manager", Short: "c-m", Family: Kubernetes},
	{Name: "cloud-controller-manager", Aliases: []string{"c-c-m", "ccm"}, Display: "Cloud controller manager", Short: "c-c-m", Family: Kubernetes},
	{Name: "kubelet", Display: "kubelet", Short: "kubelet", Family: Kubernetes},
	{Name: "kube-proxy", Aliases: []string{"k-proxy", "proxy"}, Display: "kube-proxy", Short: "k-proxy", Family: Kubernetes},
	{Name: "container-runtime", Aliases: []string{"cri", "runtime", "containerd"}, Display: "Container runtime", Short: "cri", Family: Kubernetes},

	// Resources.
	{Name: "pod", Aliases: []string{"po"}, Display: "Pod", Short: "pod", Family: Kubernetes},
	{Name: "container", Aliases: []string{"ctr"}, Display: "Container", Short: "ctr", Family: Kubernetes},
	{Name: "deployment", Aliases: []string{"deploy"}, Display: "Deployment", Short: "deploy", Family: Kubernetes},
	{Name: "replicaset", Aliases: []string{"rs"}, Display: "ReplicaSet", Short: "rs", Family: Kubernetes},
	{Name: "statefulset", Aliases: []string{"sts"}, Display: "StatefulSet", Short: "sts", Family: Kubernetes},
	{Name: "daemonset", Aliases: []string{"ds"}, Display: "DaemonSet", Short: "ds", Family: Kubernetes},
	{Name: "job", Display: "Job", Short: "job", Family: Kubernetes},
	{Name: "cronjob", Aliases: []string{"cj"}, Display: "CronJob", Short: "cronjob", Family: Kubernetes},
	{Name: "service", Aliases: []string{"svc"}, Display: "Service", Short: "svc", Family: Kubernetes},
	{Name: "ingress", Aliases: []string{"ing"}, Display: "Ingress", Short: "ing", Family: Kubernetes},
	{Name: "configmap", Aliases: []string{"cm"}, Display: "ConfigMap", Short: "cm", Family: Kubernetes},
	{Name: "secret", Display: "Secret", Short: "secret", Family: Kubernetes},
	{Name: "persistentvolume", Aliases: []string{"pv"}, Display: "PersistentVolume", Short: "pv", Family: Kubernetes},
	{Name: "persistentvolumeclaim", Aliases: []string{"pvc"}, Display: "PersistentVolumeClaim", Short: "pvc", Family: Kubernetes},
	{Name: "storageclass", Aliases: []string{"sc"}, Display: "StorageClass", Short: "sc", Family: Kubernetes},
	{Name: "serviceaccount", Aliases: []string{"sa"}, Display: "ServiceAccount", Short: "sa", Family: Kubernetes},
	{Name: "hpa", Aliases: []string{"horizontalpodautoscaler"}, Display: "HorizontalPodAutoscaler", Short: "hpa", Family: Kubernetes},
	{Name: "networkpolicy", Aliases: []string{"netpol"}, Display: "NetworkPolicy", Short: "netpol", Family: Kubernetes},

	// Generic parts.
	{Name: "user", Aliases: []string{"person", "actor"}, Display: "User", Family: Generic},
	{Name: "client", Aliases: []string{"ui", "browser"}, Display: "Client", Family: Generic},
	{Name: "internet", Aliases: []string{"www"}, Display: "Internet", Family: Generic},
	{Name: "load-balancer", Aliases: []string{"lb", "loadbalancer"}, Display: "Load balancer", Family: Generic},
	{Name: "microservice", Aliases: []string{"ms", "app"}, Display: "Microservice", Family: Generic},
	{Name: "database", Aliases: []string{"db"}, Display: "Database", Family: Generic},
	{Name: "queue", Aliases: []string{"broker", "mq"}, Display: "Queue", Family: Generic},
	{Name: "cloud", Display: "Cloud", Family: Plain},
	{Name: "box", Display: "Box", Family: Plain},
	{Name: "text", Aliases: []string{"note"}, Display: "Text", Family: Plain},
}

var kindIndex = func() map[string]*Kind {
	m := make(map[string]*Kind)
	for _, k := range Kinds {
		m[k.Name] = k
		for _, a := range k.Aliases {
			m[a] = k
		}
	}
	return m
}()

// LookupKind finds a kind by its canonical name or an alias, ignoring case.
// It returns nil when there is no such kind.
func LookupKind(name string) *Kind {
	return kindIndex[strings.ToLower(name)]
}

// kindNames lists every accepted kind name, for "did you mean".
func kindNames() []string {
	var names []string
	for _, k := range Kinds {
		names = append(names, k.Name)
		names = append(names, k.Aliases...)
	}
	return names
}
