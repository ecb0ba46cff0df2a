/** Every resource and its operations: the router's dispatch table is typed by this map. */
export type ConstantContactType = {
	contact:
		| 'create'
		| 'upsert'
		| 'import'
		| 'export'
		| 'get'
		| 'getAll'
		| 'update'
		| 'delete'
		| 'addToLists'
		| 'removeFromLists'
		| 'addTags'
		| 'removeTags'
		| 'resubscribe';
	list: 'create' | 'get' | 'getAll' | 'update' | 'delete' | 'deleteMany';
	tag: 'create' | 'get' | 'getAll' | 'update' | 'delete';
	customField: 'create' | 'get' | 'getAll' | 'update' | 'delete' | 'deleteMany';
	connection: 'getInfo';
	campaign:
		| 'create'
		| 'get'
		| 'getAll'
		| 'update'
		| 'delete'
		| 'sendTest'
		| 'schedule'
		| 'unschedule'
		| 'getSchedule'
		| 'getSendHistory'
		| 'createResend'
		| 'getResend'
		| 'cancelResend';
	segment: 'create' | 'get' | 'getAll' | 'rename' | 'update' | 'delete';
	event: 'getAll' | 'getRegistrations' | 'updateRegistrationStatus';
	report: 'getCampaignSummaries' | 'getCampaignStats' | 'getTracking' | 'getContactActivitySummary' | 'getContactActivityDetails';
};

export type ConstantContactResource = keyof ConstantContactType;
