// The official Dodo Payments client (pinned in package.json) against the packaged service.
// scripts/contract-tests starts the service exactly as the README's run command does, on a free
// port with a fresh data directory, and passes its address and the demo API key it printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import DodoPayments, {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
} from 'dodopayments';

const baseURL = process.env.LICENSE_KEYS_BASE_URL;
const bearerToken = process.env.LICENSE_KEYS_API_KEY;
assert.ok(baseURL, 'LICENSE_KEYS_BASE_URL is required');
assert.ok(bearerToken, 'LICENSE_KEYS_API_KEY is required');

const client = new DodoPayments({ bearerToken, baseURL, maxRetries: 0 });

// The demo seed of an empty embedded database (app/src/main/java/.../DemoSeed.java).
const LIMITED = 'lic_demo00000000000000001';
const SUBSCRIPTION = 'lic_demo00000000000000003';
const CUSTOMER = 'cus_demo';
const PRODUCT = 'pdt_demo';

let counter = 0;
const unique = (prefix) => `${prefix}-${process.pid}-${Date.now()}-${counter++}`;

async function importKey(fields = {}) {
  return client.licenseKeys.create({
    customer_id: CUSTOMER,
    product_id: PRODUCT,
    key: unique('SDK'),
    ...fields,
  });
}

async function rejects(promise, ErrorType, code) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof ErrorType, `expected ${ErrorType.name}, got ${error?.constructor?.name}: ${error?.message}`);
    if (code) {
      assert.equal(error.error?.code, code);
    }
    assert.equal(typeof error.error?.message, 'string');
    return true;
  });
}

test('PATCH activations_limit: absent keeps, null clears, a value sets', async () => {
  const key = await importKey({ activations_limit: 2 });
  assert.equal((await client.licenseKeys.update(key.id, {})).activations_limit, 2);
  assert.equal((await client.licenseKeys.update(key.id, { activations_limit: 7 })).activations_limit, 7);
  assert.equal((await client.licenseKeys.update(key.id, { disabled: false })).activations_limit, 7);
  assert.equal((await client.licenseKeys.update(key.id, { activations_limit: null })).activations_limit, null);
});

test('PATCH disabled: absent and null keep, true disables, false enables', async () => {
  const key = await importKey();
  const disabled = await client.licenseKeys.update(key.id, { disabled: true });
  assert.equal(disabled.status, 'disabled');
  assert.equal((await client.licenseKeys.update(key.id, {})).status, 'disabled');
  assert.equal((await client.licenseKeys.update(key.id, { disabled: null })).status, 'disabled');
  assert.equal((await client.licenseKeys.update(key.id, { disabled: false })).status, 'active');
});

test('PATCH expires_at: absent keeps, null clears, a value sets (a past one expires the key)', async () => {
  const key = await importKey();
  const set = await client.licenseKeys.update(key.id, { expires_at: '2031-05-06T07:08:09.123Z' });
  assert.equal(set.expires_at, '2031-05-06T07:08:09.123Z');
  assert.equal((await client.licenseKeys.update(key.id, { activations_limit: 1 })).expires_at, '2031-05-06T07:08:09.123Z');
  const past = await client.licenseKeys.update(key.id, { expires_at: '2020-01-01T00:00:00+02:00' });
  assert.equal(past.expires_at, '2019-12-31T22:00:00Z');
  assert.equal(past.status, 'expired');
  const cleared = await client.licenseKeys.update(key.id, { expires_at: null });
  assert.equal(cleared.expires_at, null);
  assert.equal(cleared.status, 'active');
});

test('retrieve returns every field, unset ones as null', async () => {
  const key = await client.licenseKeys.retrieve(SUBSCRIPTION);
  assert.deepEqual(Object.keys(key), [
    'business_id', 'created_at', 'customer_id', 'id', 'instances_count', 'key', 'product_id',
    'source', 'status', 'activations_limit', 'expires_at', 'payment_id', 'subscription_id',
  ]);
  assert.equal(key.subscription_id, 'sub_demo');
  assert.equal(key.source, 'auto');
  assert.match(key.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
});

test('create imports a key once', async () => {
  const keyString = unique('ONCE');
  const key = await importKey({ key: keyString, activations_limit: null, expires_at: '2032-01-01T00:00:00Z' });
  assert.equal(key.source, 'import');
  assert.equal(key.key, keyString);
  assert.equal(key.instances_count, 0);
  await rejects(importKey({ key: keyString }), ConflictError, 'LICENSE_KEY_ALREADY_EXISTS');
  await rejects(importKey({ customer_id: 'cus_nobody' }), NotFoundError, 'NOT_FOUND');
});

test('list pages from page_number 0, newest first, and filters', async () => {
  const older = await importKey();
  const newer = await importKey();
  const first = await client.licenseKeys.list({ page_number: 0, page_size: 1 });
  const second = await client.licenseKeys.list({ page_number: 1, page_size: 1 });
  assert.deepEqual(first.items.map((k) => k.id), [newer.id]);
  assert.deepEqual(second.items.map((k) => k.id), [older.id]);
  await client.licenseKeys.update(older.id, { disabled: true });
  const disabled = await client.licenseKeys.list({ page_number: 0, page_size: 100, status: 'disabled' });
  assert.ok(disabled.items.some((k) => k.id === older.id));
  assert.ok(disabled.items.every((k) => k.status === 'disabled'));
  await rejects(client.licenseKeys.list({ page_number: 0, page_size: 101 }), UnprocessableEntityError, 'INVALID_QUERY_PARAMS');
});

test("the SDK's auto-pagination from page_number 0 yields every key once, newest first", async () => {
  await importKey();
  await importKey();
  await importKey();
  const all = await client.licenseKeys.list({ page_number: 0, page_size: 100 });
  assert.ok(all.items.length >= 3 && all.items.length < 100, `${all.items.length} keys`);
  const paged = [];
  // The SDK asks for the next page_number until a page comes back empty.
  for await (const key of client.licenseKeys.list({ page_number: 0, page_size: 2 })) {
    paged.push(key.id);
    if (paged.length > all.items.length) break; // pages that never end fail here, not hang
  }
  assert.deepEqual(paged, all.items.map((k) => k.id));
});

test('activate, validate, rename, list instances, deactivate', async () => {
  const key = await importKey({ activations_limit: 1 });
  const activation = await client.licenses.activate({ license_key: key.key, name: 'build server' });
  assert.equal(activation.license_key_id, key.id);
  assert.deepEqual(activation.customer, { customer_id: CUSTOMER, email: 'demo@example.com', name: 'Demo Customer' });
  assert.deepEqual(activation.product, { name: 'Demo App', product_id: PRODUCT });

  assert.deepEqual(await client.licenses.validate({ license_key: key.key, license_key_instance_id: activation.id }), { valid: true });
  assert.equal((await client.licenseKeys.retrieve(key.id)).instances_count, 1);

  const instance = await client.licenseKeyInstances.retrieve(activation.id);
  assert.equal(instance.name, 'build server');
  const renamed = await client.licenseKeyInstances.update(activation.id, { name: 'ci runner' });
  assert.equal(renamed.name, 'ci runner');
  const listed = await client.licenseKeyInstances.list({ page_number: 0, page_size: 10, license_key_id: key.id });
  assert.deepEqual(listed.items, [renamed]);

  await rejects(client.licenses.activate({ license_key: key.key, name: 'second' }), UnprocessableEntityError, 'LICENSE_KEY_LIMIT_REACHED');
  await rejects(client.licenseKeys.update(key.id, { activations_limit: 0 }), UnprocessableEntityError, 'ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT');

  // 200 with no body: the SDK resolves with nothing to read.
  const released = await client.licenses.deactivate({ license_key: key.key, license_key_instance_id: activation.id });
  assert.ok(released === undefined || released === '', `unexpected body: ${released}`);
  assert.deepEqual(await client.licenses.validate({ license_key: key.key, license_key_instance_id: activation.id }), { valid: false });
  await rejects(client.licenses.deactivate({ license_key: key.key, license_key_instance_id: activation.id }), PermissionDeniedError, 'LICENSE_KEY_NOT_FOUND');
});

test('each error class arrives as the SDK error type', async () => {
  await rejects(client.licenseKeys.retrieve('lic_000000000000000000000'), NotFoundError, 'NOT_FOUND');
  await rejects(client.licenseKeys.update(LIMITED, { activations_limit: -1 }), UnprocessableEntityError, 'INVALID_REQUEST_BODY');
  await rejects(client.licenseKeys.update(SUBSCRIPTION, { expires_at: '2031-01-01T00:00:00Z' }), BadRequestError, 'NO_EXPIRY_ON_SUBSCRIPTION_LICENSE_KEYS');

  const disabled = await importKey();
  await client.licenseKeys.update(disabled.id, { disabled: true });
  await rejects(client.licenses.activate({ license_key: disabled.key, name: 'm' }), PermissionDeniedError, 'INACTIVE_LICENSE_KEY');

  const stranger = new DodoPayments({ bearerToken: 'not-a-key', baseURL, maxRetries: 0 });
  await rejects(stranger.licenseKeys.retrieve(LIMITED), AuthenticationError, 'UNAUTHORIZED');
  await rejects(client.licenses.activate({ license_key: 'NO-SUCH-KEY', name: 'm' }), NotFoundError, 'NOT_FOUND');
});

test('the public endpoints need no API key', async () => {
  const anonymous = new DodoPayments({ bearerToken: 'ignored-by-public-endpoints', baseURL, maxRetries: 0 });
  assert.deepEqual(await anonymous.licenses.validate({ license_key: 'DEMO-UNLIMITED-0002' }), { valid: true });
});
