import { nodeProperties, type ClusterPasswords } from './kafka-cluster';

const ports = { clientPorts: [19201, 19202, 19203], controllerPorts: [19301, 19302, 19303] };
const passwords: ClusterPasswords = {
  admin: 'admin-pw',
  enrollment: 'e',
  contributions: 'c',
  claims: 'k',
  payouts: 'p',
  audit: 'a',
  finance: 'f',
  controller: 'controller-pw',
};

function settings(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('nodeProperties: the drill cluster node configuration', () => {
  it('replicates three ways with two in sync and never elects an unclean leader', () => {
    const node = settings(nodeProperties({ nodes: 3, ...ports }, 2, '/data/node-2'));
    expect(node.get('node.id')).toBe('2');
    expect(node.get('controller.quorum.voters')).toBe(
      '1@127.0.0.1:19301,2@127.0.0.1:19302,3@127.0.0.1:19303',
    );
    expect(node.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19202,CONTROLLER://127.0.0.1:19302');
    expect(node.get('default.replication.factor')).toBe('3');
    expect(node.get('min.insync.replicas')).toBe('2');
    expect(node.get('offsets.topic.replication.factor')).toBe('3');
    expect(node.get('transaction.state.log.min.isr')).toBe('2');
    expect(node.get('unclean.leader.election.enable')).toBe('false');
    expect(node.get('auto.create.topics.enable')).toBe('false');
  });

  it('a single node replicates once (the group coordinator needs it)', () => {
    const node = settings(
      nodeProperties({ nodes: 1, clientPorts: [19201], controllerPorts: [19301] }, 1, '/d'),
    );
    expect(node.get('default.replication.factor')).toBe('1');
    expect(node.get('min.insync.replicas')).toBe('1');
    expect(node.get('offsets.topic.replication.factor')).toBe('1');
  });

  it('secured as kafka.sh: SCRAM for clients and brokers, PLAIN for controllers, no ACL no access', () => {
    const node = settings(nodeProperties({ nodes: 3, ...ports }, 1, '/d', passwords));
    expect(node.get('listener.security.protocol.map')).toBe(
      'CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
    );
    expect(node.get('sasl.enabled.mechanisms')).toBe('SCRAM-SHA-512');
    expect(node.get('sasl.mechanism.inter.broker.protocol')).toBe('SCRAM-SHA-512');
    expect(node.get('sasl.mechanism.controller.protocol')).toBe('PLAIN');
    expect(node.get('listener.name.client.scram-sha-512.sasl.jaas.config')).toContain(
      'username="admin" password="admin-pw"',
    );
    expect(node.get('listener.name.controller.plain.sasl.jaas.config')).toContain(
      'user_controller="controller-pw"',
    );
    expect(node.get('allow.everyone.if.no.acl.found')).toBe('false');
    expect(node.get('super.users')).toBe('User:admin;User:controller');
  });
});
