/**
 * One entry of a rule's `ports`, in the server's order: protocol, port, then endPort.
 * protocol is a pointer: absent means TCP, while "" is a value and must be one of the three.
 */
import { invalid, notSupported } from './field-errors';
import { ValidationFinding } from './finding';
import { RULE } from './rules';
import { asInt32, asStruct, isAbsent } from '../k8s/json-values';
import { portNameErrors, portNumberErrors } from '../k8s/label-syntax';
import { Protocol } from '../k8s/protocol';

const PROTOCOLS = Object.values(Protocol) as string[];

/** Findings for the port entry at `field`, e.g. `spec.ingress[0].ports[1]`. */
export function portFindings(entry: unknown, field: string): ValidationFinding[] {
  const port = asStruct(entry);
  if (!port) return [];
  const findings: ValidationFinding[] = [];
  if (typeof port.protocol === 'string' && !PROTOCOLS.includes(port.protocol)) {
    findings.push(notSupported(RULE.PROTOCOL, `${field}.protocol`, port.protocol, PROTOCOLS));
  }
  // An endPort of the wrong JSON type (e.g. a string) is a decoding error and is not checked further.
  const endPort = asInt32(port.endPort);
  if (typeof port.port === 'number') {
    const start = asInt32(port.port);
    if (start === undefined) return findings;
    findings.push(...portNumberErrors(start).map((msg) => invalid(RULE.PORT, `${field}.port`, start, msg)));
    if (endPort !== undefined) {
      // Kubernetes <= 1.36 showed the port here instead of endPort.
      if (endPort < start) findings.push(invalid(RULE.PORT_RANGE, `${field}.endPort`, endPort, 'must be greater than or equal to `port`'));
      findings.push(...portNumberErrors(endPort).map((msg) => invalid(RULE.END_PORT, `${field}.endPort`, endPort, msg)));
    }
  } else if (typeof port.port === 'string') {
    const name = port.port;
    if (endPort !== undefined) {
      findings.push(invalid(RULE.END_PORT_NAMED, `${field}.endPort`, endPort, 'may not be specified when `port` is non-numeric'));
    }
    findings.push(...portNameErrors(name).map((msg) => invalid(RULE.PORT_NAME, `${field}.port`, name, msg)));
  } else if (isAbsent(port.port) && endPort !== undefined) {
    findings.push(invalid(RULE.END_PORT_WITHOUT_PORT, `${field}.endPort`, endPort, 'may not be specified when `port` is not specified'));
  }
  return findings;
}
