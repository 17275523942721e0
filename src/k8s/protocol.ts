/**
 * A transport protocol a NetworkPolicy port can name.
 *
 * These are the only values `networking.k8s.io/v1` accepts, spelled exactly as the
 * API server expects (it rejects lower case). NetworkPolicy cannot express ICMP.
 */
export enum Protocol {
  /** Transmission Control Protocol, the default when a policy port omits `protocol`. */
  TCP = 'TCP',
  /** User Datagram Protocol (DNS, for instance). */
  UDP = 'UDP',
  /** Stream Control Transmission Protocol (GA since Kubernetes 1.20). */
  SCTP = 'SCTP',
}
