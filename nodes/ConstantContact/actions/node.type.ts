/** Every resource and its operations: the router's dispatch table is typed by this map. */
export type ConstantContactType = {
	contact: 'create' | 'upsert' | 'import';
};

export type ConstantContactResource = keyof ConstantContactType;
